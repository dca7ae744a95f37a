//! Where a problem in a profile file is, worded the one way every reader
//! uses (FORMAT.md "Exit codes and errors"): a cell of a CSV file as
//! `PATH:LINE:COLUMN: error: column 'HEADER' (cell F2): MESSAGE`, a cell of
//! a sheet as `PATH#SHEET!F2: error: column 'HEADER': MESSAGE`, a whole row
//! as `PATH:LINE`, the file as `PATH`.

use crate::diagnostics::{Diagnostic, Diagnostics, Severity, clip, column_letters};
use crate::load::csv::CsvFile;

/// What locating a problem in one file needs: its name, whether it is a
/// sheet, its header as written and the line it is on.
#[derive(Debug, Clone)]
pub struct Place {
    pub path: String,
    pub sheet: bool,
    pub headers: Vec<String>,
    pub header_line: usize,
}

impl Place {
    pub fn of(file: &CsvFile) -> Place {
        Place {
            path: file.path.clone(),
            sheet: file.sheet,
            headers: file.header_raw.clone(),
            header_line: file.header_line,
        }
    }

    /// The diagnostic for the cell in 0-based `column` of the row on `line`.
    pub fn cell(
        &self,
        severity: Severity,
        line: usize,
        column: usize,
        message: &str,
    ) -> Diagnostic {
        let header = clip(self.headers.get(column).map(String::as_str).unwrap_or(""));
        let message = if self.sheet {
            format!("column '{header}': {message}")
        } else {
            let cell = column_letters(column + 1);
            format!("column '{header}' (cell {cell}{line}): {message}")
        };
        Diagnostic {
            path: self.path.clone(),
            line: Some(line),
            column: Some(column + 1),
            cell: self.sheet,
            severity,
            message,
        }
    }

    pub fn cell_error(
        &self,
        diags: &mut Diagnostics,
        line: usize,
        column: usize,
        message: impl AsRef<str>,
    ) {
        diags.add(self.cell(Severity::Error, line, column, message.as_ref()));
    }

    pub fn cell_warning(
        &self,
        diags: &mut Diagnostics,
        line: usize,
        column: usize,
        message: impl AsRef<str>,
    ) {
        diags.add(self.cell(Severity::Warning, line, column, message.as_ref()));
    }

    /// A problem with a header cell (0-based `column`): the message names
    /// the column itself.
    pub fn header_error(&self, diags: &mut Diagnostics, column: usize, message: impl Into<String>) {
        diags.add(Diagnostic {
            path: self.path.clone(),
            line: Some(self.header_line),
            column: Some(column + 1),
            cell: self.sheet,
            severity: Severity::Error,
            message: message.into(),
        });
    }

    /// A warning about a header cell (0-based `column`).
    pub fn column_warning(
        &self,
        diags: &mut Diagnostics,
        column: usize,
        message: impl Into<String>,
    ) {
        diags.add(Diagnostic {
            path: self.path.clone(),
            line: Some(self.header_line),
            column: Some(column + 1),
            cell: self.sheet,
            severity: Severity::Warning,
            message: message.into(),
        });
    }

    /// A problem with the header as a whole (a missing column).
    pub fn file_error(&self, diags: &mut Diagnostics, message: impl Into<String>) {
        diags.error(&self.path, Some(self.header_line), message);
    }

    pub fn file_warning(&self, diags: &mut Diagnostics, message: impl Into<String>) {
        diags.warning(&self.path, Some(self.header_line), message);
    }

    /// A problem with a whole row.
    pub fn row_error(&self, diags: &mut Diagnostics, line: usize, message: impl Into<String>) {
        diags.error(&self.path, Some(line), message);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_and_sheet_cells() {
        let mut place = Place {
            path: "k.csv".into(),
            sheet: false,
            headers: vec!["a".into(); 5]
                .into_iter()
                .chain(["demensomsorg".into()])
                .collect(),
            header_line: 1,
        };
        let csv = place.cell(Severity::Error, 2, 5, "level 'x' is not on the scale");
        assert_eq!(
            csv.to_string(),
            "k.csv:2:6: error: column 'demensomsorg' (cell F2): level 'x' is not on the scale"
        );
        place.sheet = true;
        place.path = "k.xlsx#Helse".into();
        let sheet = place.cell(Severity::Error, 2, 5, "level 'x' is not on the scale");
        assert_eq!(
            sheet.to_string(),
            "k.xlsx#Helse!F2: error: column 'demensomsorg': level 'x' is not on the scale"
        );
    }
}
