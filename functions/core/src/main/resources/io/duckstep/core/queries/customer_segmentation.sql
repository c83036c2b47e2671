-- customer_segmentation: transactions and spend per customer, recent upload (table mydf) versus warehouse
-- history (table e_commerce.year_09_10).
-- Output, in this order: customer_id INTEGER, recent_transactions BIGINT, historical_transactions BIGINT,
-- transactions_change BIGINT, recent_spend DOUBLE, historical_spend DOUBLE, spend_change DOUBLE,
-- recent_spend_percentage DOUBLE (recent spend as a percentage of historical spend).
--
-- What the naive version (count(Invoice), sum(Quantity * Price) over mydf JOIN year_09_10 USING ("Customer ID"),
-- 100 * recent / historical) gets wrong, and what this query does instead:
-- 1. Row-by-row join: joining the two tables' rows on the customer multiplies every recent row by every
--    historical row of that customer, inflating both counts and sums. Each side is aggregated on its own
--    first (one GROUP BY per side) and only the per-customer aggregates are joined.
-- 2. NULL Customer ID: 28 % of the sample's rows have no customer (guest checkouts). They cannot be
--    attributed to anybody, and grouping them would create one fake "NULL customer" holding thousands of
--    unrelated purchases that would top every ranking, so these rows are left out.
-- 3. Transactions: the number of distinct invoices, not of lines (an invoice has many lines). A cancellation
--    invoice (Invoice starting with 'C') is not a transaction, so it is not counted.
-- 4. Spend is NET: the sum of Quantity * Price over all of the customer's lines in the period, cancellation
--    lines included with their negative quantities, so goods bought and then cancelled are not counted as
--    spend. Postage, manual price lines and discounts (POST, C2, M, D, ...) are part of what the customer paid
--    and stay in. Net spend can be zero or negative in a period (a cancellation of an earlier purchase).
-- 5. Test lines (stock codes starting with 'TEST', such as TEST001 'This is a test product.') are not business
--    and are left out of both transactions and spend.
-- 6. Exact sums: Quantity * Price is summed as DECIMAL (price rounded to 6 decimals, the data has at most 3)
--    and only the results are turned into DOUBLE. A DOUBLE sum depends on the order in which parallel threads
--    add the lines, so a customer whose spend did not change could get a spend_change of 1e-13 instead of 0
--    and the order of the output would change from run to run. In the sample, one customer's purchases and
--    cancellations cancel out exactly (customer 17888, history only), yet their DOUBLE sum was 2.5e-14, a
--    positive base that produced a percentage (0 %) where a zero base must give NULL.
-- 7. Percentage: 100 * recent_spend / historical_spend only when historical_spend > 0, otherwise NULL (no
--    division by zero, and a percentage of a zero or negative base means nothing).
-- 8. Join: a FULL OUTER join, so new customers (recent only) and lapsed customers (history only) are listed.
--    A period without rows counts as 0 transactions and 0 spend, so every change is defined: a new customer
--    has a NULL percentage (no historical spend), a lapsed one 0 %.
-- 9. Order: spend_change descending, then customer_id ascending, so equal changes keep a stable order.
-- is_cancellation and product_code are macros defined once for all packaged queries, in setup/macros.sql.
WITH recent_customers AS (
    SELECT
        "Customer ID" AS customer_id,
        count(DISTINCT Invoice) FILTER (WHERE NOT is_cancellation(Invoice)) AS transactions,
        sum(Quantity * CAST(Price AS DECIMAL(18, 6))) AS spend
    FROM mydf
    WHERE "Customer ID" IS NOT NULL
        AND NOT starts_with(product_code(StockCode), 'TEST')
    GROUP BY "Customer ID"
),
historical_customers AS (
    SELECT
        "Customer ID" AS customer_id,
        count(DISTINCT Invoice) FILTER (WHERE NOT is_cancellation(Invoice)) AS transactions,
        sum(Quantity * CAST(Price AS DECIMAL(18, 6))) AS spend
    FROM e_commerce.year_09_10
    WHERE "Customer ID" IS NOT NULL
        AND NOT starts_with(product_code(StockCode), 'TEST')
    GROUP BY "Customer ID"
),
customers AS (
    SELECT
        coalesce(recent.customer_id, historical.customer_id) AS customer_id,
        coalesce(recent.transactions, 0) AS recent_transactions,
        coalesce(historical.transactions, 0) AS historical_transactions,
        coalesce(recent.spend, 0) AS recent_spend,
        coalesce(historical.spend, 0) AS historical_spend
    FROM recent_customers AS recent
    FULL OUTER JOIN historical_customers AS historical ON historical.customer_id = recent.customer_id
)
SELECT
    customer_id,
    recent_transactions,
    historical_transactions,
    recent_transactions - historical_transactions AS transactions_change,
    CAST(recent_spend AS DOUBLE) AS recent_spend,
    CAST(historical_spend AS DOUBLE) AS historical_spend,
    CAST(recent_spend - historical_spend AS DOUBLE) AS spend_change,
    CASE WHEN historical_spend > 0 THEN 100 * CAST(recent_spend AS DOUBLE) / CAST(historical_spend AS DOUBLE) END
        AS recent_spend_percentage
FROM customers
ORDER BY spend_change DESC, customer_id ASC
