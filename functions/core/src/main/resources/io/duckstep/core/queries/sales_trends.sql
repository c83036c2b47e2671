-- Sales trends: average quantity per product line, recent upload (mydf) vs history (e_commerce.year_09_10).
--
-- What the naive version (avg(Quantity) GROUP BY StockCode over both tables) gets wrong, and the fix:
-- * Cancellations (Invoice starting with 'C', negative Quantity) are not orders: averaging them in drags a
--   product's average down for returns. Only lines with Quantity > 0 of invoices not starting with 'C' count.
-- * Non-product stock codes (POST, DOT, M, D, C2, ADJUST, BANK CHARGES, PADS, TEST001, DCGS..., gift_0001_...)
--   are postage, fees and adjustments, not products. Product codes are five digits with an optional letter
--   suffix (85123A, 79323W); only those count.
-- * Price = 0 lines are free samples or corrections, not sales: excluded.
-- * A product's Description varies between lines (trailing spaces, renames): one description per stock
--   code, the most frequent trimmed one, ties broken alphabetically, so the output is deterministic.
-- * Each side is aggregated once and the aggregates are joined (inner join: a change needs both periods),
--   which stays cheap on millions of rows. Ordered by the change, ties by stock code.
WITH product_lines AS (
    SELECT 'recent' AS period, StockCode, trim(Description) AS description, Quantity
    FROM mydf
    WHERE Quantity > 0 AND Price > 0 AND NOT starts_with(Invoice, 'C') AND regexp_full_match(StockCode, '[0-9]{5}[A-Za-z]{0,2}')
    UNION ALL
    SELECT 'historical' AS period, StockCode, trim(Description) AS description, Quantity
    FROM e_commerce.year_09_10
    WHERE Quantity > 0 AND Price > 0 AND NOT starts_with(Invoice, 'C') AND regexp_full_match(StockCode, '[0-9]{5}[A-Za-z]{0,2}')
),
averages AS (
    SELECT
        StockCode,
        avg(Quantity) FILTER (WHERE period = 'recent') AS recent_avg_quantity,
        avg(Quantity) FILTER (WHERE period = 'historical') AS historical_avg_quantity
    FROM product_lines
    GROUP BY StockCode
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
    a.StockCode AS stock_code,
    d.description,
    a.recent_avg_quantity,
    a.historical_avg_quantity,
    a.recent_avg_quantity - a.historical_avg_quantity AS avg_quantity_change
FROM averages a
LEFT JOIN descriptions d USING (StockCode)
WHERE a.recent_avg_quantity IS NOT NULL AND a.historical_avg_quantity IS NOT NULL
ORDER BY avg_quantity_change DESC, stock_code
