-- Customer segmentation: transactions and spend per customer, recent upload (mydf) vs history
-- (e_commerce.year_09_10), with the recent spend as a percentage of the historical spend.
--
-- What the naive version gets wrong, and the fix:
-- * NULL Customer IDs (guest checkouts: about a quarter of all lines) are not one customer: grouped
--   naively they form a giant fake "NULL customer" at the top. They are excluded.
-- * Cancellations: a cancellation invoice (Invoice 'C...') is not a transaction, so transactions count
--   distinct invoices that do not start with 'C'. Spend is NET: Quantity * Price over every line of the
--   customer, so a cancellation's negative quantity takes back what was refunded (postage and fees are
--   part of what a customer pays, so every stock code counts).
-- * Division by zero: the percentage is NULL when the historical spend is zero or negative.
-- * Customers present in only one period matter (new or lapsed customers): a full outer join keeps them,
--   with zero transactions and spend on the missing side.
-- * Each side is aggregated once and the aggregates are joined. Ordered by the spend change, largest
--   first, ties by customer id.
WITH recent AS (
    SELECT
        "Customer ID" AS customer_id,
        count(DISTINCT Invoice) FILTER (WHERE NOT starts_with(Invoice, 'C')) AS transactions,
        sum(Quantity * Price) AS spend
    FROM mydf
    WHERE "Customer ID" IS NOT NULL
    GROUP BY "Customer ID"
),
historical AS (
    SELECT
        "Customer ID" AS customer_id,
        count(DISTINCT Invoice) FILTER (WHERE NOT starts_with(Invoice, 'C')) AS transactions,
        sum(Quantity * Price) AS spend
    FROM e_commerce.year_09_10
    WHERE "Customer ID" IS NOT NULL
    GROUP BY "Customer ID"
),
joined AS (
    SELECT
        coalesce(r.customer_id, h.customer_id) AS customer_id,
        coalesce(r.transactions, 0) AS recent_transactions,
        coalesce(h.transactions, 0) AS historical_transactions,
        coalesce(r.spend, 0) AS recent_spend,
        coalesce(h.spend, 0) AS historical_spend
    FROM recent r
    FULL OUTER JOIN historical h ON r.customer_id = h.customer_id
)
SELECT
    CAST(customer_id AS INTEGER) AS customer_id,
    CAST(recent_transactions AS BIGINT) AS recent_transactions,
    CAST(historical_transactions AS BIGINT) AS historical_transactions,
    CAST(recent_transactions - historical_transactions AS BIGINT) AS transactions_change,
    CAST(recent_spend AS DOUBLE) AS recent_spend,
    CAST(historical_spend AS DOUBLE) AS historical_spend,
    CAST(recent_spend - historical_spend AS DOUBLE) AS spend_change,
    CASE WHEN historical_spend > 0 THEN 100.0 * recent_spend / historical_spend END AS recent_spend_percentage
FROM joined
ORDER BY spend_change DESC, customer_id
