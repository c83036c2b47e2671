package io.duckstep.core.load;

import io.duckstep.core.error.InvalidInputException;
import io.duckstep.core.error.ValidationFaultException;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Streams the first sheet of an {@code .xlsx} workbook into a CSV file that DuckDB then reads, keeping each
 * row's sheet row number in a leading {@code source_line} column for error messages. Memory stays flat
 * whatever the sheet's size: rows are read and written one at a time, and cell values are passed on raw
 * (dates stay Excel serials, which the typed load converts).
 */
final class WorkbookToCsv
{
    private WorkbookToCsv() {}

    /**
     * @throws InvalidInputException when the file is not a readable workbook (not a zip, a zip of something
     * else, no sheet, a broken sheet), has the wrong header or a row that is too wide or too long
     * @throws ValidationFaultException when the CSV cannot be written
     */
    static void convert(Path workbook, Path csv, String displayName)
    {
        BufferedWriter writer;
        try {
            writer = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new ValidationFaultException(displayName + ": cannot write a temporary file: " + e.getMessage(), e);
        }
        try (writer) {
            convert(workbook, writer, displayName);
        }
        catch (WriteFailure e) {
            throw new ValidationFaultException(displayName + ": cannot write a temporary file: " + e.getCause().getMessage(), e.getCause());
        }
        catch (IOException e) {
            throw new ValidationFaultException(displayName + ": cannot write a temporary file: " + e.getMessage(), e);
        }
    }

    private static void convert(Path workbook, BufferedWriter writer, String displayName)
    {
        try (ReadableWorkbook readable = new ReadableWorkbook(workbook.toFile())) {
            if (readable.isDate1904()) {
                throw new InvalidInputException(displayName, "workbooks using the 1904 date system are not supported");
            }
            Sheet sheet = readable.getSheets().findFirst()
                    .orElseThrow(() -> new InvalidInputException(displayName, "the workbook has no sheet"));
            try (Stream<Row> rows = sheet.openStream()) {
                Iterator<Row> iterator = rows.iterator();
                if (!iterator.hasNext()) {
                    throw new InvalidInputException(displayName, "file is empty: its first sheet '" + sheet.getName() + "' has no rows");
                }
                Row header = iterator.next();
                List<String> headerCells = cells(header, Math.max(header.getCellCount(), 1));
                while (!headerCells.isEmpty() && headerCells.get(headerCells.size() - 1).isEmpty()) {
                    headerCells.remove(headerCells.size() - 1);
                }
                TransactionsReader.checkHeader(headerCells, displayName + " (sheet '" + sheet.getName() + "')");
                List<String> line = new ArrayList<>();
                line.add("source_line");
                line.addAll(TransactionsSchema.columnNames());
                write(writer, CsvLine.join(line));
                int width = TransactionsSchema.COLUMNS.size();
                while (iterator.hasNext()) {
                    Row row = iterator.next();
                    List<String> values = cells(row, width);
                    if (values.stream().allMatch(String::isEmpty)) {
                        continue;
                    }
                    if (row.getCellCount() > width && row.stream().skip(width).anyMatch(cell -> cell != null && !text(cell).isEmpty())) {
                        throw new InvalidInputException(displayName, OptionalLong.of(row.getRowNum()), Optional.empty(),
                                "row has more than " + width + " cells", null);
                    }
                    line.clear();
                    line.add(Integer.toString(row.getRowNum()));
                    line.addAll(values);
                    String text = CsvLine.join(line);
                    if (text.length() > CsvFile.MAX_LINE_BYTES) {
                        throw new InvalidInputException(displayName, OptionalLong.of(row.getRowNum()), Optional.empty(),
                                String.format("the row is longer than %,d characters", CsvFile.MAX_LINE_BYTES), null);
                    }
                    write(writer, text);
                }
            }
        }
        catch (InvalidInputException | WriteFailure e) {
            throw e;
        }
        catch (IOException | RuntimeException e) {
            // the workbook was already read from storage into a local file: what fails here is its content
            // (not a zip, a zip of something else, a broken sheet), which the streaming reader reports this way
            throw new InvalidInputException(displayName, OptionalLong.empty(), Optional.empty(), "cannot be read as an .xlsx workbook: " + describe(e), e);
        }
    }

    private static String describe(Exception e)
    {
        String message = e.getMessage() == null || e.getMessage().isBlank() ? "not a valid workbook" : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    private static void write(BufferedWriter writer, String line)
    {
        try {
            writer.write(line);
            writer.write('\n');
        }
        catch (IOException e) {
            throw new WriteFailure(e);
        }
    }

    /** Writing the CSV failed: a fault of the machine, not of the workbook. */
    private static final class WriteFailure
            extends RuntimeException
    {
        WriteFailure(IOException cause)
        {
            super(cause);
        }
    }

    private static List<String> cells(Row row, int width)
    {
        List<String> values = new ArrayList<>(width);
        for (int index = 0; index < width; index++) {
            Cell cell = index < row.getCellCount() ? row.getCell(index) : null;
            values.add(cell == null ? "" : text(cell));
        }
        return values;
    }

    private static String text(Cell cell)
    {
        String raw = cell.getRawValue();
        return switch (cell.getType()) {
            case EMPTY -> "";
            case STRING, NUMBER, BOOLEAN, FORMULA, ERROR -> raw == null ? cell.getText() : raw;
        };
    }
}
