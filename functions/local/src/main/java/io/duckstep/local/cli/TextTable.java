package io.duckstep.local.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain text table: columns as wide as their widest cell, two spaces apart.
 */
final class TextTable
{
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(String... header)
    {
        rows.add(List.of(header));
    }

    TextTable add(String... cells)
    {
        rows.add(List.of(cells));
        return this;
    }

    void print(PrintWriter out, String indent)
    {
        int columns = rows.get(0).size();
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int column = 0; column < columns; column++) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder(indent);
            for (int column = 0; column < columns; column++) {
                line.append(row.get(column));
                if (column < columns - 1) {
                    line.append(" ".repeat(widths[column] - row.get(column).length() + 2));
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
