package io.duckstep.core.load;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one CSV line (RFC 4180: comma separated, double quotes, doubled quotes inside) into cells.
 * Used only for the header line; DuckDB reads the data.
 */
final class CsvLine
{
    private CsvLine() {}

    static List<String> split(String line)
    {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int index = 0; index < line.length(); index++) {
            char character = line.charAt(index);
            if (quoted) {
                if (character == '"' && index + 1 < line.length() && line.charAt(index + 1) == '"') {
                    cell.append('"');
                    index++;
                }
                else if (character == '"') {
                    quoted = false;
                }
                else {
                    cell.append(character);
                }
            }
            else if (character == '"') {
                quoted = true;
            }
            else if (character == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            }
            else {
                cell.append(character);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    /** One CSV line from cells, quoting every cell that needs it. */
    static String join(List<String> cells)
    {
        StringBuilder line = new StringBuilder();
        for (int index = 0; index < cells.size(); index++) {
            if (index > 0) {
                line.append(',');
            }
            String cell = cells.get(index);
            if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0) {
                line.append('"').append(cell.replace("\"", "\"\"")).append('"');
            }
            else {
                line.append(cell);
            }
        }
        return line.toString();
    }
}
