//! Step 1 of import: decode, detect the dialect, split into numbered rows.

use crate::core::exchange::csv::{CsvError, MAX_COLUMNS};
use crate::core::limits::{MAX_FILE_BYTES, MAX_PEOPLE};

/// How the file's bytes were decoded.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 (with or without BOM).
    #[default]
    Utf8,
    /// UTF-16 little-endian with BOM (Excel's "Unicode text").
    Utf16Le,
    /// UTF-16 big-endian with BOM.
    Utf16Be,
    /// Not valid UTF-8, so read as Windows-1252 (older Excel "CSV" on Windows).
    Windows1252,
}

impl Encoding {
    /// A human name.
    pub fn label(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf16Le => "UTF-16 (little-endian)",
            Encoding::Utf16Be => "UTF-16 (big-endian)",
            Encoding::Windows1252 => "Windows-1252",
        }
    }
}

/// Choices that override detection (the wizard's "delimiter" and "first row is a header"
/// controls). `None` means detect.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SniffOptions {
    /// The delimiter byte (`b','`, `b';'`, `b'\t'`, ...).
    pub delimiter: Option<u8>,
    /// Whether the first row holds the column names.
    pub has_header: Option<bool>,
}

/// A data row with the number a spreadsheet shows for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The row number as a spreadsheet shows it (the header is row 1, blank lines count,
    /// a cell with line breaks does not add rows).
    pub number: usize,
    /// The cells, one per column (padded with empty cells to the column count).
    pub cells: Vec<String>,
}

impl Row {
    /// The cell in a column, or `""` past the end.
    pub fn cell(&self, column: usize) -> &str {
        self.cells.get(column).map_or("", String::as_str)
    }

    /// Whether every cell is blank (spreadsheets often leave rows of empty cells).
    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| c.trim().is_empty())
    }
}

/// A CSV file split into rows, with what was detected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sniffed {
    /// The delimiter used.
    pub delimiter: u8,
    /// Whether the file started with a byte-order mark.
    pub has_bom: bool,
    /// How the bytes were decoded.
    pub encoding: Encoding,
    /// Whether the first row is a header.
    pub has_header: bool,
    /// Column names: the header row (trimmed), or `Column 1`, `Column 2`, ... without one.
    /// Empty trailing columns (blank in every row) are dropped.
    pub headers: Vec<String>,
    /// The data rows, blank rows included (import skips them).
    pub rows: Vec<Row>,
}

/// Reads a CSV file, detecting encoding, delimiter and header.
///
/// # Errors
/// [`CsvError`] when the file cannot be read as CSV at all (empty, too large, binary, a
/// quote never closed). Problems within rows are left to [`super::plan_import`].
///
/// ```
/// use mentorkit::core::exchange::csv::sniff;
/// let s = sniff(b"\xEF\xBB\xBFName;E-mail\r\nAda;ada@example.org\r\n").unwrap();
/// assert_eq!((s.delimiter, s.has_bom), (b';', true));
/// assert_eq!(s.headers, ["Name", "E-mail"]);
/// assert_eq!((s.rows[0].number, s.rows[0].cell(1)), (2, "ada@example.org"));
/// ```
pub fn sniff(bytes: &[u8]) -> Result<Sniffed, CsvError> {
    sniff_with(bytes, &SniffOptions::default())
}

/// [`sniff`] with the delimiter or header choice fixed by the caller.
///
/// # Errors
/// As [`sniff`].
pub fn sniff_with(bytes: &[u8], options: &SniffOptions) -> Result<Sniffed, CsvError> {
    let size = bytes.len() as u64;
    if size > MAX_FILE_BYTES {
        return Err(CsvError::TooLarge {
            size,
            limit: MAX_FILE_BYTES,
        });
    }
    let (text, encoding, has_bom) = decode(bytes);
    if let Some(offset) = text.find('\0') {
        return Err(CsvError::NotText { offset });
    }
    if text.trim().is_empty() {
        return Err(CsvError::Empty);
    }
    let delimiter = options.delimiter.unwrap_or_else(|| detect_delimiter(&text));
    let mut records = read_records(&text, delimiter)?;
    if records.is_empty() {
        return Err(CsvError::Empty);
    }

    let has_header = options
        .has_header
        .unwrap_or_else(|| looks_like_header(&records[0].cells));
    let width = records
        .iter()
        .map(|r| {
            r.cells
                .iter()
                .rposition(|c| !c.trim().is_empty())
                .map_or(0, |i| i + 1)
        })
        .max()
        .unwrap_or(0)
        .max(1);
    for r in &mut records {
        r.cells.resize(width, String::new());
    }
    let headers = if has_header {
        let header = records.remove(0);
        header.cells.iter().map(|c| c.trim().to_owned()).collect()
    } else {
        (1..=width).map(|i| format!("Column {i}")).collect()
    };
    Ok(Sniffed {
        delimiter,
        has_bom,
        encoding,
        has_header,
        headers,
        rows: records,
    })
}

/// Decodes the bytes: BOM first, then UTF-8, else Windows-1252.
fn decode(bytes: &[u8]) -> (String, Encoding, bool) {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return match std::str::from_utf8(rest) {
            Ok(s) => (s.to_owned(), Encoding::Utf8, true),
            Err(_) => (windows_1252(rest), Encoding::Windows1252, true),
        };
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        let units = rest
            .chunks(2)
            .map(|c| u16::from_le_bytes([c[0], c.get(1).copied().unwrap_or(0)]));
        return (utf16(units), Encoding::Utf16Le, true);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        let units = rest
            .chunks(2)
            .map(|c| u16::from_be_bytes([c[0], c.get(1).copied().unwrap_or(0)]));
        return (utf16(units), Encoding::Utf16Be, true);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_owned(), Encoding::Utf8, false),
        Err(_) => (windows_1252(bytes), Encoding::Windows1252, false),
    }
}

fn utf16(units: impl Iterator<Item = u16>) -> String {
    char::decode_utf16(units)
        .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

/// Windows-1252: Latin-1 except 0x80-0x9F (undefined bytes map to the C1 controls, as
/// browsers do).
fn windows_1252(bytes: &[u8]) -> String {
    const HIGH: [u16; 32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013,
        0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ];
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => {
                char::from_u32(u32::from(HIGH[usize::from(b - 0x80)])).unwrap_or('\u{FFFD}')
            }
            _ => char::from(b),
        })
        .collect()
}

/// Picks the candidate that splits the first rows into the same number (>= 2) of cells
/// most often; ties go to the more columns, then to `,` over `;` over tab.
fn detect_delimiter(text: &str) -> u8 {
    const CANDIDATES: [u8; 3] = [b',', b';', b'\t'];
    let mut best = (0usize, 0usize, b',');
    for d in CANDIDATES {
        let mut reader = ::csv::ReaderBuilder::new()
            .delimiter(d)
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        let widths: Vec<usize> = reader
            .records()
            .take(50)
            .filter_map(Result::ok)
            .map(|r| r.len())
            .collect();
        let Some(&first) = widths.first() else {
            continue;
        };
        if first < 2 {
            continue;
        }
        let consistent = widths.iter().filter(|&&w| w == first).count();
        if (consistent, first) > (best.0, best.1) {
            best = (consistent, first, d);
        }
    }
    best.2
}

/// A first row is data, not a header, when a cell looks like an e-mail address or a
/// number: header cells are words.
fn looks_like_header(cells: &[String]) -> bool {
    !cells.iter().any(|c| {
        let c = c.trim();
        c.contains('@') || (!c.is_empty() && c.parse::<f64>().is_ok())
    })
}

/// The line where a quoted cell opens and is never closed, if any. Quotes only open a
/// cell at its start (`5" screen` is a plain cell), as in RFC 4180 and spreadsheets.
fn unclosed_quote_line(text: &str, delimiter: u8) -> Option<u64> {
    let mut line: u64 = 1;
    let mut open_line = None;
    let mut at_cell_start = true;
    let mut bytes = text.bytes().peekable();
    while let Some(b) = bytes.next() {
        if open_line.is_some() {
            if b == b'"' {
                if bytes.peek() == Some(&b'"') {
                    bytes.next();
                } else {
                    open_line = None;
                }
            }
        } else if b == b'"' && at_cell_start {
            open_line = Some(line);
        }
        if b == b'\n' {
            line += 1;
        }
        at_cell_start = open_line.is_none() && (b == delimiter || b == b'\n' || b == b'\r');
    }
    open_line
}

/// How many line ends (`\n`, `\r\n` or `\r`) start the text.
fn leading_line_ends(text: &str) -> usize {
    let mut count = 0;
    let mut bytes = text.bytes().peekable();
    loop {
        match bytes.next() {
            Some(b'\n') => count += 1,
            Some(b'\r') => {
                if bytes.peek() == Some(&b'\n') {
                    bytes.next();
                }
                count += 1;
            }
            _ => return count,
        }
    }
}

/// Splits the text into records numbered as spreadsheet rows.
fn read_records(text: &str, delimiter: u8) -> Result<Vec<Row>, CsvError> {
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    // The csv reader skips blank lines, but a spreadsheet shows them as rows; a record
    // whose cells hold line breaks spans several lines but is one row. A record's position
    // is where the reader started looking, i.e. before the blank lines it skipped.
    let mut next_row: usize = 1;
    let mut starts: Vec<u64> = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| CsvError::Malformed {
            line: e.position().map_or(0, |p| p.line()),
            message: e.to_string(),
        })?;
        let (byte, line) = record.position().map_or((0, 1), |p| {
            (usize::try_from(p.byte()).unwrap_or(0), p.line())
        });
        // After a CRLF record end the position sits between `\r` and `\n`.
        let split_crlf = byte > 0
            && text.as_bytes().get(byte - 1) == Some(&b'\r')
            && text.as_bytes().get(byte) == Some(&b'\n');
        let rest = text.get(byte + usize::from(split_crlf)..).unwrap_or("");
        let blank_lines = leading_line_ends(rest);
        let number = next_row + blank_lines;
        let line = line + u64::from(split_crlf) + blank_lines as u64;
        if rows.len() > MAX_PEOPLE {
            return Err(CsvError::TooManyRows { limit: MAX_PEOPLE });
        }
        if record.len() > MAX_COLUMNS {
            return Err(CsvError::TooManyColumns {
                row: number,
                count: record.len(),
                limit: MAX_COLUMNS,
            });
        }
        let cells: Vec<String> = record.iter().map(str::to_owned).collect();
        next_row = number + 1;
        starts.push(line);
        rows.push(Row { number, cells });
    }
    if let Some(line) = unclosed_quote_line(text, delimiter) {
        // The reader swallows the rest of the file into one cell: that must not pass as
        // data. Name the row the quote opens in.
        let row = rows
            .iter()
            .zip(&starts)
            .rev()
            .find(|(_, &start)| start <= line)
            .map_or(1, |(r, _)| r.number);
        return Err(CsvError::UnclosedQuote { row, line });
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_lines_count_as_rows_but_line_breaks_in_cells_do_not() {
        let s = sniff(b"Name,Bio\nAda,\"two\nlines\"\n\nGrace,x\n").unwrap();
        let numbers: Vec<usize> = s.rows.iter().map(|r| r.number).collect();
        assert_eq!(numbers, [2, 4]);
        assert_eq!(s.rows[0].cell(1), "two\nlines");
    }

    #[test]
    fn a_first_row_with_an_email_is_data() {
        let s = sniff(b"Ada,ada@example.org\nGrace,grace@example.org\n").unwrap();
        assert!(!s.has_header);
        assert_eq!(s.headers, ["Column 1", "Column 2"]);
        assert_eq!(s.rows[0].number, 1);
    }

    #[test]
    fn windows_1252_bytes_are_decoded_not_rejected() {
        let s = sniff(b"Name,E-mail\nJos\xe9 \x80,jose@example.org\n").unwrap();
        assert_eq!(s.encoding, Encoding::Windows1252);
        assert_eq!(s.rows[0].cell(0), "José €");
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let text = "Name\tE-mail\r\nZoë\tzoe@example.org\r\n";
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        let s = sniff(&bytes).unwrap();
        assert_eq!((s.encoding, s.delimiter), (Encoding::Utf16Le, b'\t'));
        assert_eq!(s.rows[0].cell(0), "Zoë");
    }

    #[test]
    fn a_png_renamed_csv_is_not_text() {
        let err = sniff(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap_err();
        assert!(matches!(err, CsvError::NotText { .. }), "{err:?}");
    }

    #[test]
    fn crlf_line_ends_and_blank_lines_number_rows_like_a_spreadsheet() {
        let s = sniff(b"A,B\r\nx,y\r\n\r\nz,\"w\r\nv\"\r\nq,r\r\n").unwrap();
        let numbers: Vec<usize> = s.rows.iter().map(|r| r.number).collect();
        assert_eq!(numbers, [2, 4, 5]);
    }

    #[test]
    fn an_unclosed_quote_names_its_row() {
        let err = sniff(b"Name,Bio\nAda,ok\nGrace,\"never closed\nBob,x\n").unwrap_err();
        assert_eq!(err, CsvError::UnclosedQuote { row: 3, line: 3 });
    }
}
