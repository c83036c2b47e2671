-- The rules the packaged queries share, each written once as a DuckDB macro. Temporary macros: they live as long as
-- the connection and touch no database. QueryTask runs this file on every connection before its query; anyone
-- running the packaged .sql files directly (through JDBC, the duckdb CLI, a benchmark baseline) runs it first on
-- the same connection.
--
-- is_cancellation: an invoice number starting with 'C' is a cancellation (its lines have negative quantities).
CREATE OR REPLACE TEMP MACRO is_cancellation(invoice) AS starts_with(invoice, 'C');
-- product_code: the same product appears under upper and lower case codes (18098C and 18098c) and with spaces.
CREATE OR REPLACE TEMP MACRO product_code(stock_code) AS upper(trim(stock_code));
-- is_counted_sale: a line that counts as a sale of a product: a product code (five digits and optional letters;
-- POST, DOT, M, ADJUST, gift vouchers, TEST001, ... are not products), not a cancellation, a positive quantity
-- (negative quantities without a 'C' invoice are stock adjustments) and a positive price (zero-price lines are free
-- samples, damages and corrections).
CREATE OR REPLACE TEMP MACRO is_counted_sale(invoice, stock_code, quantity, price) AS
    regexp_full_match(product_code(stock_code), '[0-9]{5}[A-Z]*')
    AND NOT is_cancellation(invoice)
    AND quantity > 0
    AND price > 0;
