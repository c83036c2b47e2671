-- sales_trends: average quantity per product line, recent upload (table mydf) versus warehouse history
-- (table e_commerce.year_09_10).
-- Output, in this order: stock_code VARCHAR, description VARCHAR, recent_avg_quantity DOUBLE,
-- historical_avg_quantity DOUBLE, avg_quantity_change DOUBLE (= recent - historical).
--
-- What the naive version (SELECT ... FROM mydf JOIN year_09_10 USING (StockCode) GROUP BY ...) gets wrong,
-- and what this query does instead:
-- 1. Row-by-row join: joining the two tables' rows on the stock code multiplies every recent row by every
--    historical row of the same product (millions x millions). Each side is aggregated on its own first
--    (one GROUP BY per side) and only the per-product aggregates are joined.
-- 2. Cancellations: a line whose Invoice starts with 'C' is a cancellation (negative Quantity). Rows with a
--    negative Quantity but no 'C' are stock adjustments. Neither is a sale, and both would drag the average
--    down (even below zero). Only rows with Quantity > 0 on an invoice not starting with 'C' count.
-- 3. Price = 0 rows are free samples, damages and stock corrections (rarely with a customer, descriptions such as
--    'NA' or 'damaged'), not sales: only rows with Price > 0 count.
-- 4. Non-product stock codes (POST, DOT, ADJUST, M, D, C2, BANK CHARGES, PADS, TEST001, DCGS..., gift_0001_...)
--    are postage, fees, manual corrections, vouchers and test lines. A product is a stock code of five digits
--    followed by optional letters, which is how every product of the catalogue is coded. Everything else is
--    left out. This positive rule also drops service codes that are not in the list above.
-- 5. Stock code spelling: the same product appears under upper and lower case codes (18098C and 18098c),
--    so codes are trimmed and upper-cased before grouping.
-- 6. Description: one product has several descriptions (spelling changes, leading/trailing spaces). The
--    description shown is the most frequent trimmed description of the product's counted sale rows in both
--    periods together, ties broken by the alphabetically first. An empty description or the literal 'NA'
--    (how the source marks a missing description) is not a description.
-- 7. Join: an inner join. A change needs an average in both periods, so only products sold in both periods
--    are listed. A product sold in only one period has no change to report.
-- 8. Exact change: the change is computed from the integer sums as one division,
--    (recent_total * historical_rows - historical_total * recent_rows) / (recent_rows * historical_rows),
--    not as the difference of two rounded averages: 24.0 - 19.6 gives 4.399999999999999 but 10.4 - 6.0 gives
--    4.4, which would put two equal changes out of stock_code order.
-- 9. Order: avg_quantity_change descending, then stock_code ascending, so equal changes keep a stable order.
-- Each side is read once: one GROUP BY (stock code, description) per side gives quantity sums and row counts,
-- which add up exactly to the per-product average and give the description counts without another scan.
-- is_counted_sale and product_code are macros defined once for all packaged queries, in setup/macros.sql.
WITH recent_sales AS (
    SELECT
        product_code(StockCode) AS stock_code,
        nullif(nullif(trim(Description), ''), 'NA') AS description,
        Quantity AS quantity
    FROM mydf
    WHERE is_counted_sale(Invoice, StockCode, Quantity, Price)
),
historical_sales AS (
    SELECT
        product_code(StockCode) AS stock_code,
        nullif(nullif(trim(Description), ''), 'NA') AS description,
        Quantity AS quantity
    FROM e_commerce.year_09_10
    WHERE is_counted_sale(Invoice, StockCode, Quantity, Price)
),
recent_groups AS MATERIALIZED (
    SELECT stock_code, description, count(*) AS sale_rows, sum(quantity) AS total_quantity
    FROM recent_sales
    GROUP BY stock_code, description
),
historical_groups AS MATERIALIZED (
    SELECT stock_code, description, count(*) AS sale_rows, sum(quantity) AS total_quantity
    FROM historical_sales
    GROUP BY stock_code, description
),
recent_products AS (
    SELECT stock_code, sum(total_quantity) AS total_quantity, sum(sale_rows) AS sale_rows
    FROM recent_groups
    GROUP BY stock_code
),
historical_products AS (
    SELECT stock_code, sum(total_quantity) AS total_quantity, sum(sale_rows) AS sale_rows
    FROM historical_groups
    GROUP BY stock_code
),
product_descriptions AS (
    SELECT stock_code, first(description ORDER BY sale_rows DESC, description ASC) AS description
    FROM (
        SELECT stock_code, description, sum(sale_rows) AS sale_rows
        FROM (
            SELECT stock_code, description, sale_rows FROM recent_groups WHERE description IS NOT NULL
            UNION ALL
            SELECT stock_code, description, sale_rows FROM historical_groups WHERE description IS NOT NULL
        )
        GROUP BY stock_code, description
    )
    GROUP BY stock_code
)
SELECT
    recent.stock_code AS stock_code,
    product_descriptions.description AS description,
    recent.total_quantity / recent.sale_rows AS recent_avg_quantity,
    historical.total_quantity / historical.sale_rows AS historical_avg_quantity,
    (recent.total_quantity * historical.sale_rows - historical.total_quantity * recent.sale_rows)
        / (recent.sale_rows * historical.sale_rows) AS avg_quantity_change
FROM recent_products AS recent
INNER JOIN historical_products AS historical ON historical.stock_code = recent.stock_code
LEFT JOIN product_descriptions ON product_descriptions.stock_code = recent.stock_code
ORDER BY avg_quantity_change DESC, stock_code ASC
