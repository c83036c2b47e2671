-- price_elasticity: correlation of price and quantity per product line (CORR(Price, Quantity), a simple
-- stand-in for price elasticity: negative = customers buy more when the price is lower), recent upload
-- (table mydf) versus warehouse history (table e_commerce.year_09_10).
-- Output, in this order: stock_code VARCHAR, description VARCHAR, recent_elasticity DOUBLE,
-- historical_elasticity DOUBLE, elasticity_change DOUBLE (= recent - historical).
--
-- What the naive version (CORR over mydf JOIN year_09_10 USING (StockCode), ORDER BY the change DESC) gets
-- wrong, and what this query does instead:
-- 1. NaN: DuckDB's CORR returns NaN, not NULL, when price or quantity is constant in the group (and for a
--    single row). Checked in DuckDB v2.0.0: CORR over (1,2),(1,3),(1,5) is NaN, over one row is NaN, and NaN
--    compares greater than every number, so ORDER BY ... DESC puts NaN rows FIRST (NULLs still go last), and
--    abs(NaN) is NaN. The naive ordering therefore starts with meaningless products. A NaN correlation is
--    turned into NULL (isnan), meaning "no correlation can be measured".
-- 2. Too few rows: two points always correlate at +1 or -1 and three or four are dominated by single orders,
--    so a period's correlation is NULL unless the product has at least 5 counted sale rows in that period.
-- 3. Row-by-row join: joining the two tables' rows on the stock code multiplies the rows and correlates the
--    wrong pairs. Each side is aggregated on its own first and only per-product results are joined.
-- 4. Cancellations: a line whose Invoice starts with 'C' is a cancellation (negative Quantity). Rows with a
--    negative Quantity but no 'C' are stock adjustments. Neither is a sale at a price, and their negative
--    quantities would create a spurious correlation. Only rows with Quantity > 0 on an invoice not starting
--    with 'C' count.
-- 5. Price = 0 rows are free samples, damages and stock corrections, not a price customers reacted to:
--    only rows with Price > 0 count.
-- 6. Non-product stock codes (POST, DOT, ADJUST, M, D, C2, BANK CHARGES, PADS, TEST001, DCGS..., gift_0001_...)
--    are postage, fees, manual corrections, vouchers and test lines. A product is a stock code of five digits
--    followed by optional letters. Everything else is left out.
-- 7. Stock code spelling: the same product appears under upper and lower case codes (18098C and 18098c),
--    so codes are trimmed and upper-cased before grouping.
-- 8. Description: the most frequent trimmed description of the product's counted sale rows in both periods
--    together, ties broken by the alphabetically first. An empty description or the literal 'NA' (how the
--    source marks a missing description) is not a description.
-- 9. Join: an inner join on products sold (at least one counted row) in both periods. Such a product is listed
--    even when one or both correlations are NULL, so the report shows that it could not be measured.
--    elasticity_change is NULL when either side is NULL.
-- 10. Rounding: correlations are rounded to 12 decimals. CORR is computed in floating point and parallel
--     threads combine partial results in varying order, so the last bits differ from run to run (a perfect
--     correlation shows as 0.9999999999999998). Rounding keeps the output and its order stable.
-- 11. Order: absolute change descending with NULL changes last, then stock_code ascending for a stable order.
-- Each side is read once: GROUP BY GROUPING SETS computes, in one pass, the per-product correlation and the
-- per-description row counts used to pick the description.
-- is_counted_sale and product_code are macros defined once for all packaged queries, in setup/macros.sql.
WITH recent_sales AS (
    SELECT
        product_code(StockCode) AS stock_code,
        nullif(nullif(trim(Description), ''), 'NA') AS description,
        Price AS price,
        Quantity AS quantity
    FROM mydf
    WHERE is_counted_sale(Invoice, StockCode, Quantity, Price)
),
historical_sales AS (
    SELECT
        product_code(StockCode) AS stock_code,
        nullif(nullif(trim(Description), ''), 'NA') AS description,
        Price AS price,
        Quantity AS quantity
    FROM e_commerce.year_09_10
    WHERE is_counted_sale(Invoice, StockCode, Quantity, Price)
),
recent_groups AS MATERIALIZED (
    SELECT
        stock_code,
        description,
        grouping(description) = 1 AS is_product_total,
        count(*) AS sale_rows,
        corr(price, quantity) AS correlation
    FROM recent_sales
    GROUP BY GROUPING SETS ((stock_code), (stock_code, description))
),
historical_groups AS MATERIALIZED (
    SELECT
        stock_code,
        description,
        grouping(description) = 1 AS is_product_total,
        count(*) AS sale_rows,
        corr(price, quantity) AS correlation
    FROM historical_sales
    GROUP BY GROUPING SETS ((stock_code), (stock_code, description))
),
recent_products AS (
    SELECT
        stock_code,
        CASE WHEN sale_rows >= 5 AND NOT isnan(correlation) THEN round(correlation, 12) END AS elasticity
    FROM recent_groups
    WHERE is_product_total
),
historical_products AS (
    SELECT
        stock_code,
        CASE WHEN sale_rows >= 5 AND NOT isnan(correlation) THEN round(correlation, 12) END AS elasticity
    FROM historical_groups
    WHERE is_product_total
),
product_descriptions AS (
    SELECT stock_code, first(description ORDER BY sale_rows DESC, description ASC) AS description
    FROM (
        SELECT stock_code, description, sum(sale_rows) AS sale_rows
        FROM (
            SELECT stock_code, description, sale_rows
            FROM recent_groups
            WHERE NOT is_product_total AND description IS NOT NULL
            UNION ALL
            SELECT stock_code, description, sale_rows
            FROM historical_groups
            WHERE NOT is_product_total AND description IS NOT NULL
        )
        GROUP BY stock_code, description
    )
    GROUP BY stock_code
)
SELECT
    recent.stock_code AS stock_code,
    product_descriptions.description AS description,
    recent.elasticity AS recent_elasticity,
    historical.elasticity AS historical_elasticity,
    recent.elasticity - historical.elasticity AS elasticity_change
FROM recent_products AS recent
INNER JOIN historical_products AS historical ON historical.stock_code = recent.stock_code
LEFT JOIN product_descriptions ON product_descriptions.stock_code = recent.stock_code
ORDER BY abs(elasticity_change) DESC NULLS LAST, stock_code ASC
