package org.rectify.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.ooxml.util.SAXHelper;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The sheets of an .xlsx as rows of cell values, read with POI's streaming reader (SAX over the sheet XML),
 * so that a workbook of 50,000 rows is never a tree of cell objects in memory. What a feedback list must
 * not hold is refused with a {@link BadFileException}: hidden sheets, formulas, merged cells, more rows than
 * the limit, cells longer than Excel itself allows.
 */
final class XlsxSheets {

    /** Excel's own limit on a cell's text; a longer one was not written by Excel. */
    static final int MAX_CELL = 32_767;

    private static final int SHOWN = 5;

    /** One non-empty row: its number as Excel shows it, and its cells by column (0 = A). */
    record Row(int number, Map<Integer, Cell> cells) {

        Cell cell(int column) {
            return cells.get(column);
        }
    }

    /** A cell's text as written (a number without a trailing .0), and its date when Excel stores one. */
    record Cell(String text, LocalDate date) {}

    record Sheet(String name, List<Row> rows) {}

    private XlsxSheets() {}

    static List<Sheet> read(Path file, int maxRows) {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            requireWorkbook(pkg);
            XSSFReader reader = new XSSFReader(pkg);
            Map<String, String> states = sheetStates(reader);
            states.forEach((name, state) -> {
                if (!"visible".equals(state)) {
                    throw new BadFileException(
                            "import.file.hiddenSheet",
                            "the workbook has a hidden sheet \"" + name + "\"; unhide or delete it",
                            name);
                }
            });
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable();
            List<Sheet> sheets = new ArrayList<>();
            XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (it.hasNext()) {
                try (InputStream in = it.next()) {
                    String name = it.getSheetName();
                    RowHandler handler = new RowHandler(name, strings, styles, maxRows);
                    parse(in, handler);
                    handler.finish();
                    sheets.add(new Sheet(name, handler.rows));
                }
            }
            return sheets;
        } catch (NotOfficeXmlFileException | InvalidFormatException e) {
            throw new BadFileException("import.file.notXlsx", "the file is not an Excel workbook (.xlsx)");
        } catch (IOException
                | OpenXML4JException
                | SAXException
                | ParserConfigurationException
                | org.apache.poi.ooxml.POIXMLException
                | IllegalStateException e) {
            throw XlsxGuard.corrupt();
        }
    }

    /** A package whose main part is not a workbook (a .docx renamed, an .xlsm with macros) is not one. */
    private static void requireWorkbook(OPCPackage pkg) throws InvalidFormatException {
        PackageRelationship core = pkg.getRelationshipsByType(PackageRelationshipTypes.CORE_DOCUMENT)
                .getRelationship(0);
        PackagePart main = core == null ? null : pkg.getPart(core);
        if (main == null || !XSSFRelation.WORKBOOK.getContentType().equals(main.getContentType())) {
            throw new BadFileException("import.file.notXlsx", "the file is not an Excel workbook (.xlsx)");
        }
    }

    private static void parse(InputStream in, DefaultHandler handler)
            throws IOException, SAXException, ParserConfigurationException {
        XMLReader xml = SAXHelper.newXMLReader();
        xml.setContentHandler(handler);
        xml.parse(new InputSource(in));
    }

    /** Each sheet's state (visible, hidden, veryHidden) by name, from workbook.xml. */
    private static Map<String, String> sheetStates(XSSFReader reader)
            throws IOException, OpenXML4JException, SAXException, ParserConfigurationException {
        Map<String, String> states = new LinkedHashMap<>();
        try (InputStream in = reader.getWorkbookData()) {
            parse(in, new DefaultHandler() {
                @Override
                public void startElement(String uri, String local, String qName, Attributes atts) {
                    if ("sheet".equals(local)) {
                        String state = atts.getValue("state");
                        states.put(atts.getValue("name"), state == null ? "visible" : state);
                    }
                }
            });
        }
        return states;
    }

    /** The SAX handler of one sheet: keeps the rows that hold anything, and what makes the sheet unfit. */
    private static final class RowHandler extends DefaultHandler {

        private final String sheet;
        private final ReadOnlySharedStringsTable strings;
        private final StylesTable styles;
        private final int maxRows;
        private final Map<Integer, Boolean> dateStyles = new HashMap<>();
        final List<Row> rows = new ArrayList<>();
        private final List<String> formulas = new ArrayList<>();
        private final List<String> merged = new ArrayList<>();

        private int rowNumber;
        private Map<Integer, Cell> cells;
        private String ref;
        private String type;
        private int style;
        private boolean inValue;
        private boolean inInline;
        private final StringBuilder text = new StringBuilder();

        RowHandler(String sheet, ReadOnlySharedStringsTable strings, StylesTable styles, int maxRows) {
            this.sheet = sheet;
            this.strings = strings;
            this.styles = styles;
            this.maxRows = maxRows;
        }

        @Override
        public void startElement(String uri, String local, String qName, Attributes atts) {
            switch (local) {
                case "row" -> {
                    String r = atts.getValue("r");
                    rowNumber = r == null ? rowNumber + 1 : Integer.parseInt(r);
                    cells = new HashMap<>();
                }
                case "c" -> {
                    ref = atts.getValue("r");
                    type = atts.getValue("t");
                    String s = atts.getValue("s");
                    style = s == null ? 0 : Integer.parseInt(s);
                    text.setLength(0);
                }
                case "v" -> {
                    inValue = true;
                    text.setLength(0);
                }
                case "is" -> {
                    inInline = true;
                    text.setLength(0);
                }
                case "f" -> {
                    if (formulas.size() < SHOWN) {
                        formulas.add(ref);
                    } else if (formulas.size() == SHOWN) {
                        formulas.add("…");
                    }
                }
                case "mergeCell" -> {
                    if (merged.size() < SHOWN) {
                        merged.add(atts.getValue("ref"));
                    }
                }
                default -> {}
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inValue || inInline) {
                if (text.length() + length > MAX_CELL) {
                    throw tooLong();
                }
                text.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String local, String qName) {
            switch (local) {
                case "v" -> inValue = false;
                case "is" -> inInline = false;
                case "c" -> {
                    Cell cell = cell();
                    if (cell != null && cells != null) {
                        cells.put(column(ref, cells.size()), cell);
                    }
                }
                case "row" -> {
                    if (cells != null && !cells.isEmpty()) {
                        if (rows.size() >= maxRows) {
                            throw new BadFileException(
                                    "import.file.tooManyRows",
                                    "sheet \"" + sheet + "\" has more than " + maxRows
                                            + " rows; split the list into several files",
                                    sheet,
                                    maxRows);
                        }
                        rows.add(new Row(rowNumber, cells));
                    }
                    cells = null;
                }
                default -> {}
            }
        }

        private Cell cell() {
            String raw = text.toString();
            text.setLength(0);
            if (type == null || "n".equals(type)) {
                if (raw.isBlank()) {
                    return null;
                }
                double value = Double.parseDouble(raw);
                if (isDateStyle(style) && DateUtil.isValidExcelDate(value)) {
                    LocalDate date = DateUtil.getLocalDateTime(value).toLocalDate();
                    return new Cell(date.toString(), date);
                }
                return new Cell(number(value, raw), null);
            }
            String value = switch (type) {
                case "s" -> strings.getItemAt(Integer.parseInt(raw.strip())).getString();
                case "b" -> "1".equals(raw) ? "TRUE" : "FALSE";
                default -> raw; // inlineStr, str (a formula's result, refused anyway), d, e
            };
            if (value.length() > MAX_CELL) {
                throw tooLong();
            }
            return value.isBlank() ? null : new Cell(value, null);
        }

        private boolean isDateStyle(int index) {
            return dateStyles.computeIfAbsent(index, i -> {
                if (styles == null || i >= styles.getNumCellStyles()) {
                    return false;
                }
                XSSFCellStyle s = styles.getStyleAt(i);
                return s != null && DateUtil.isADateFormat(s.getDataFormat(), s.getDataFormatString());
            });
        }

        void finish() {
            if (!formulas.isEmpty()) {
                throw new BadFileException(
                        "import.file.formulas",
                        "sheet \"" + sheet + "\" has formulas (" + String.join(", ", formulas)
                                + "); paste the values instead",
                        sheet,
                        String.join(", ", formulas));
            }
            if (!merged.isEmpty()) {
                throw new BadFileException(
                        "import.file.merged",
                        "sheet \"" + sheet + "\" has merged cells (" + String.join(", ", merged)
                                + "); unmerge them and fill every row",
                        sheet,
                        String.join(", ", merged));
            }
        }

        private BadFileException tooLong() {
            return new BadFileException(
                    "import.file.cellTooLong",
                    "cell " + sheet + "!" + ref + " holds more than " + MAX_CELL + " characters",
                    sheet,
                    ref,
                    MAX_CELL);
        }

        private static String number(double value, String raw) {
            if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                return Long.toString((long) value);
            }
            return raw;
        }

        /** A1 → 0; a cell without a reference follows the one before it. */
        private static int column(String ref, int next) {
            if (ref == null) {
                return next;
            }
            int column = 0;
            for (int i = 0; i < ref.length() && Character.isLetter(ref.charAt(i)); i++) {
                column = column * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
            }
            return column - 1;
        }
    }
}
