-- Price elasticity: CORR(Price, Quantity) per product, recent upload (mydf) vs history (e_commerce.year_09_10).
-- A negative correlation means buyers take more when the price is lower.
--
-- What the naive version gets wrong, and the fix:
-- * DuckDB's CORR returns NaN, not NULL, for a group whose price or quantity is constant (zero variance),
--   and NaN sorts FIRST in a descending ORDER BY (observed on DuckDB 2.0): the naive top of the list is
--   all meaningless NaNs. NaN becomes NULL, and NULL changes sort last.
-- * A correlation over one or two lines is noise (two points always correlate at +-1): a period needs at
--   least 3 lines of the product to have an elasticity.
-- * Cancellations (Invoice 'C...', negative Quantity), Price = 0 lines and non-product stock codes (POST,
--   DOT, M, ADJUST, ...; products are five digits with an optional letter suffix) are not sales: excluded.
-- * One description per stock code (the most frequent trimmed one, ties alphabetical).
-- * Each side is aggregated once; the inner join keeps products sold in both periods. Ordered by the
--   absolute change, largest first, NULLs last, ties by stock code.
WITH product_lines AS (
    SELECT 'recent' AS period, StockCode, trim(Description) AS description, Quantity, Price
    FROM mydf
    WHERE Quantity > 0 AND Price > 0 AND NOT starts_with(Invoice, 'C') AND regexp_full_match(StockCode, '[0-9]{5}[A-Za-z]{0,2}')
    UNION ALL
    SELECT 'historical' AS period, StockCode, trim(Description) AS description, Quantity, Price
    FROM e_commerce.year_09_10
    WHERE Quantity > 0 AND Price > 0 AND NOT starts_with(Invoice, 'C') AND regexp_full_match(StockCode, '[0-9]{5}[A-Za-z]{0,2}')
),
correlations AS (
    SELECT
        StockCode,
        count(*) FILTER (WHERE period = 'recent') AS recent_lines,
        count(*) FILTER (WHERE period = 'historical') AS historical_lines,
        corr(Price, Quantity) FILTER (WHERE period = 'recent') AS recent_corr,
        corr(Price, Quantity) FILTER (WHERE period = 'historical') AS historical_corr
    FROM product_lines
    GROUP BY StockCode
),
elasticities AS (
    SELECT
        StockCode,
        CASE WHEN recent_lines >= 3 AND NOT isnan(recent_corr) THEN recent_corr END AS recent_elasticity,
        CASE WHEN historical_lines >= 3 AND NOT isnan(historical_corr) THEN historical_corr END AS historical_elasticity
    FROM correlations
    WHERE recent_lines > 0 AND historical_lines > 0
),
description_counts AS (
    SELECT StockCode, description, count(*) AS lines
    FROM product_lines
    WHERE description IS NOT NULL AND description <> ''
    GROUP BY StockCode, description
),
descriptions AS (
    SELECT StockCode, first(description ORDER BY lines DESC, description) AS description
    FROM description_counts
    GROUP BY StockCode
)
SELECT
    e.StockCode AS stock_code,
    d.description,
    e.recent_elasticity,
    e.historical_elasticity,
    e.recent_elasticity - e.historical_elasticity AS elasticity_change
FROM elasticities e
LEFT JOIN descriptions d USING (StockCode)
ORDER BY abs(elasticity_change) DESC NULLS LAST, stock_code
