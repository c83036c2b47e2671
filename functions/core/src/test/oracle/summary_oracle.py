#!/usr/bin/env python3
"""Independent oracle for DuckStep's three summary queries.

It re-implements, with the Python 3 standard library only (no SQL, no DuckDB), the rules documented at the top
of functions/core/src/main/resources/io/duckstep/core/queries/{sales_trends,price_elasticity,
customer_segmentation}.sql, and prints the values the Java tests in io.duckstep.core.queries hard-code.
Sums and averages are exact (Decimal / Fraction); the Pearson correlation is computed from exact sums.

Run from the project root:
    python3 functions/core/src/test/oracle/summary_oracle.py
        demo scenario: historical = the whole sample, recent = its rows with InvoiceDate < 2009-12-10
    python3 functions/core/src/test/oracle/summary_oracle.py --recent R.csv --historical H.csv
        any two CSV files (plain or .gz) with the Online Retail II columns
Options: --top N (rows printed from the head of each ordering), --products CODE,CODE --customers ID,ID
(extra rows to print).
"""

import argparse
import csv
import gzip
import re
from decimal import Decimal, ROUND_HALF_UP, getcontext
from fractions import Fraction
from pathlib import Path

getcontext().prec = 50

PROJECT_ROOT = Path(__file__).resolve().parents[5]
SAMPLE = PROJECT_ROOT / "data" / "online_retail_II" / "sample_2009-12_2010-01.csv.gz"
RECENT_BEFORE = "2009-12-10"
PRODUCT_CODE = re.compile(r"[0-9]{5}[A-Z]*")
MINIMUM_CORRELATION_ROWS = 5


def read_rows(path):
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8", newline="") as file:
        rows = []
        for record in csv.DictReader(file):
            customer = record["Customer ID"].strip()
            rows.append({
                "invoice": record["Invoice"],
                "stock_code": record["StockCode"],
                "description": record["Description"],
                "quantity": int(record["Quantity"]),
                "invoice_date": record["InvoiceDate"],
                "price_text": record["Price"],
                "customer": int(customer) if customer else None,
            })
        return rows


def normalized_code(row):
    # DuckDB trim() removes spaces only
    return row["stock_code"].strip(" ").upper()


def is_product_sale(row):
    return (PRODUCT_CODE.fullmatch(normalized_code(row)) is not None
            and not row["invoice"].startswith("C")
            and row["quantity"] > 0
            and Decimal(row["price_text"]) > 0)


def description_of(row):
    text = row["description"].strip(" ")
    return None if text in ("", "NA") else text


def product_sales(rows):
    grouped = {}
    for row in rows:
        if is_product_sale(row):
            grouped.setdefault(normalized_code(row), []).append(row)
    return grouped


def descriptions(recent, historical):
    counts = {}
    for sales in (recent, historical):
        for code, rows in sales.items():
            for row in rows:
                text = description_of(row)
                if text is not None:
                    key = (code, text)
                    counts[key] = counts.get(key, 0) + 1
    best = {}
    for (code, text), count in counts.items():
        current = best.get(code)
        if current is None or count > current[1] or (count == current[1] and text < current[0]):
            best[code] = (text, count)
    return {code: value[0] for code, value in best.items()}


def sales_trends(recent_rows, historical_rows):
    recent = product_sales(recent_rows)
    historical = product_sales(historical_rows)
    names = descriptions(recent, historical)
    result = []
    for code in recent.keys() & historical.keys():
        recent_average = Fraction(sum(row["quantity"] for row in recent[code]), len(recent[code]))
        historical_average = Fraction(sum(row["quantity"] for row in historical[code]), len(historical[code]))
        result.append((code, names.get(code), recent_average, historical_average, recent_average - historical_average))
    result.sort(key=lambda row: (-row[4], row[0]))
    return result


def correlation(rows):
    """Pearson correlation of price and quantity, None when undefined (DuckDB: NaN) or too few rows."""
    n = len(rows)
    if n < MINIMUM_CORRELATION_ROWS:
        return None
    prices = [Fraction(Decimal(row["price_text"])) for row in rows]
    quantities = [Fraction(row["quantity"]) for row in rows]
    sum_x = sum(prices)
    sum_y = sum(quantities)
    sxx = n * sum(x * x for x in prices) - sum_x * sum_x
    syy = n * sum(y * y for y in quantities) - sum_y * sum_y
    sxy = n * sum(x * y for x, y in zip(prices, quantities)) - sum_x * sum_y
    if sxx == 0 or syy == 0:
        return None
    squared = sxy * sxy / (sxx * syy)
    value = (Decimal(squared.numerator) / Decimal(squared.denominator)).sqrt()
    if sxy < 0:
        value = -value
    # the query rounds to 12 decimals
    return value.quantize(Decimal("1e-12"), rounding=ROUND_HALF_UP)


def price_elasticity(recent_rows, historical_rows):
    recent = product_sales(recent_rows)
    historical = product_sales(historical_rows)
    names = descriptions(recent, historical)
    result = []
    for code in recent.keys() & historical.keys():
        recent_value = correlation(recent[code])
        historical_value = correlation(historical[code])
        change = None if recent_value is None or historical_value is None else recent_value - historical_value
        result.append((code, names.get(code), recent_value, historical_value, change))
    result.sort(key=lambda row: (row[4] is None, -abs(row[4]) if row[4] is not None else 0, row[0]))
    return result


def customer_totals(rows):
    totals = {}
    for row in rows:
        if row["customer"] is None or normalized_code(row).startswith("TEST"):
            continue
        invoices, spend = totals.setdefault(row["customer"], (set(), [Decimal(0)]))
        if not row["invoice"].startswith("C"):
            invoices.add(row["invoice"])
        spend[0] += row["quantity"] * Decimal(row["price_text"])
    return {customer: (len(invoices), spend[0]) for customer, (invoices, spend) in totals.items()}


def customer_segmentation(recent_rows, historical_rows):
    recent = customer_totals(recent_rows)
    historical = customer_totals(historical_rows)
    result = []
    for customer in recent.keys() | historical.keys():
        recent_transactions, recent_spend = recent.get(customer, (0, Decimal(0)))
        historical_transactions, historical_spend = historical.get(customer, (0, Decimal(0)))
        percentage = 100 * recent_spend / historical_spend if historical_spend > 0 else None
        result.append((customer, recent_transactions, historical_transactions,
                       recent_transactions - historical_transactions, recent_spend, historical_spend,
                       recent_spend - historical_spend, percentage))
    result.sort(key=lambda row: (-row[6], row[0]))
    return result


def show(value):
    if value is None:
        return "NULL"
    if isinstance(value, (Fraction, Decimal)):
        return repr(float(value))
    return repr(value)


def report(title, columns, rows, top, key_filter):
    print(f"== {title}: {len(rows)} rows")
    print("   " + " | ".join(columns))
    for index, row in enumerate(rows):
        if index < top or key_filter(row[0]):
            print(f"#{index + 1}: " + " | ".join(show(value) for value in row))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--recent")
    parser.add_argument("--historical")
    parser.add_argument("--top", type=int, default=5)
    parser.add_argument("--products", default="")
    parser.add_argument("--customers", default="")
    arguments = parser.parse_args()
    if arguments.recent or arguments.historical:
        recent_rows = read_rows(arguments.recent)
        historical_rows = read_rows(arguments.historical)
    else:
        historical_rows = read_rows(SAMPLE)
        recent_rows = [row for row in historical_rows if row["invoice_date"] < RECENT_BEFORE]
    print(f"recent rows: {len(recent_rows)}, historical rows: {len(historical_rows)}")
    products = {code for code in arguments.products.split(",") if code}
    customers = {int(customer) for customer in arguments.customers.split(",") if customer}

    trends = sales_trends(recent_rows, historical_rows)
    report("sales_trends",
           ["stock_code", "description", "recent_avg_quantity", "historical_avg_quantity", "avg_quantity_change"],
           trends, arguments.top, lambda code: code in products)

    elasticity = price_elasticity(recent_rows, historical_rows)
    report("price_elasticity",
           ["stock_code", "description", "recent_elasticity", "historical_elasticity", "elasticity_change"],
           elasticity, arguments.top, lambda code: code in products)
    print(f"   rows with elasticity_change: {sum(1 for row in elasticity if row[4] is not None)}, "
          f"with recent_elasticity: {sum(1 for row in elasticity if row[2] is not None)}, "
          f"with historical_elasticity: {sum(1 for row in elasticity if row[3] is not None)}")

    segments = customer_segmentation(recent_rows, historical_rows)
    report("customer_segmentation",
           ["customer_id", "recent_transactions", "historical_transactions", "transactions_change", "recent_spend",
            "historical_spend", "spend_change", "recent_spend_percentage"],
           segments, arguments.top, lambda customer: customer in customers)
    print(f"   rows with recent_spend_percentage: {sum(1 for row in segments if row[7] is not None)}")


if __name__ == "__main__":
    main()
