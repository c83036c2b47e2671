#!/usr/bin/env python3
"""Independent oracle for DuckStep's three summary queries.

Recomputes, in plain Python (standard library only, no SQL), what each packaged query should return for
the demo scenario: history = the whole bundled sample, recent = its rows before 2009-12-10. The Java
tests (SummaryQueriesTest) hard-code values printed by this script.

Run from the repository root:  python3 functions/core/src/test/oracle/summary_oracle.py
"""
import csv
import gzip
import math
import re
import sys
from collections import Counter, defaultdict

SAMPLE = "data/online_retail_II/sample_2009-12_2010-01.csv.gz"
PRODUCT = re.compile(r"[0-9]{5}[A-Za-z]{0,2}")


def read(path):
    with gzip.open(path, "rt", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            yield {
                "invoice": row["Invoice"].strip(),
                "stock_code": row["StockCode"].strip(),
                "description": row["Description"],
                "quantity": int(row["Quantity"]),
                "date": row["InvoiceDate"],
                "price": float(row["Price"]),
                "customer": int(float(row["Customer ID"])) if row["Customer ID"].strip() else None,
            }


def is_product_sale(row):
    return (row["quantity"] > 0 and row["price"] > 0 and not row["invoice"].startswith("C")
            and PRODUCT.fullmatch(row["stock_code"]) is not None)


def pearson(pairs):
    # A constant price or quantity has no correlation (DuckDB says NaN; the query turns it into NULL).
    # Tested on the values themselves: the float sums below are not exactly zero for a constant column.
    if len({x for x, _ in pairs}) == 1 or len({y for _, y in pairs}) == 1:
        return None
    n = len(pairs)
    mean_x = sum(x for x, _ in pairs) / n
    mean_y = sum(y for _, y in pairs) / n
    sxy = sum((x - mean_x) * (y - mean_y) for x, y in pairs)
    sxx = sum((x - mean_x) ** 2 for x, _ in pairs)
    syy = sum((y - mean_y) ** 2 for _, y in pairs)
    return sxy / math.sqrt(sxx * syy)


def descriptions(rows):
    counts = defaultdict(Counter)
    for row in rows:
        text = (row["description"] or "").strip()
        if text:
            counts[row["stock_code"]][text] += 1
    return {code: sorted(c.items(), key=lambda item: (-item[1], item[0]))[0][0] for code, c in counts.items()}


def main(path):
    history = list(read(path))
    recent = [row for row in history if row["date"] < "2009-12-10"]
    recent_sales = [row for row in recent if is_product_sale(row)]
    history_sales = [row for row in history if is_product_sale(row)]
    names = descriptions(recent_sales + history_sales)

    # sales_trends
    def averages(rows):
        sums = defaultdict(lambda: [0, 0])
        for row in rows:
            sums[row["stock_code"]][0] += row["quantity"]
            sums[row["stock_code"]][1] += 1
        return {code: total / count for code, (total, count) in sums.items()}
    recent_avg, history_avg = averages(recent_sales), averages(history_sales)
    trends = sorted(((code, recent_avg[code], history_avg[code], recent_avg[code] - history_avg[code])
                     for code in recent_avg if code in history_avg), key=lambda t: (-t[3], t[0]))
    print("sales_trends rows", len(trends))
    for row in trends[:3] + trends[-2:]:
        print("  ", row, names.get(row[0]))

    # price_elasticity
    def correlations(rows):
        pairs = defaultdict(list)
        for row in rows:
            pairs[row["stock_code"]].append((row["price"], row["quantity"]))
        return {code: (pearson(p) if len(p) >= 3 else None) for code, p in pairs.items()}, {code: len(p) for code, p in pairs.items()}
    recent_corr, _ = correlations(recent_sales)
    history_corr, _ = correlations(history_sales)
    elasticity = []
    for code in recent_corr:
        if code in history_corr:
            r, h = recent_corr[code], history_corr[code]
            elasticity.append((code, r, h, None if r is None or h is None else r - h))
    elasticity.sort(key=lambda t: (t[3] is None, -abs(t[3]) if t[3] is not None else 0, t[0]))
    print("price_elasticity rows", len(elasticity), "with change", sum(1 for t in elasticity if t[3] is not None))
    for row in elasticity[:3]:
        print("  ", row, names.get(row[0]))
    for code in ("85123A", "21232", "22086", "22194"):
        print("   pick", [t for t in elasticity if t[0] == code])

    # customer_segmentation
    def customers(rows):
        invoices, spend = defaultdict(set), defaultdict(float)
        for row in rows:
            if row["customer"] is None:
                continue
            spend[row["customer"]] += row["quantity"] * row["price"]
            if not row["invoice"].startswith("C"):
                invoices[row["customer"]].add(row["invoice"])
        return {c: (len(invoices[c]), spend[c]) for c in spend}
    recent_customers, history_customers = customers(recent), customers(history)
    segmentation = []
    for c in set(recent_customers) | set(history_customers):
        rt, rs = recent_customers.get(c, (0, 0.0))
        ht, hs = history_customers.get(c, (0, 0.0))
        segmentation.append((c, rt, ht, rt - ht, rs, hs, rs - hs, 100.0 * rs / hs if hs > 0 else None))
    segmentation.sort(key=lambda t: (-t[6], t[0]))
    print("customer_segmentation rows", len(segmentation))
    for row in segmentation[:2] + segmentation[-2:]:
        print("  ", row)
    cancellers = sorted({row["customer"] for row in recent if row["invoice"].startswith("C") and row["customer"] is not None})
    print("   recent customers with a cancellation:", len(cancellers), cancellers[:3])
    for c in cancellers[:2] + [13085]:
        print("   pick", [t for t in segmentation if t[0] == c])


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else SAMPLE)
