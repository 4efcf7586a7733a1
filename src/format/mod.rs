//! Every file Faro reads or writes, in one place: the versioned envelope and its reader,
//! the text of files users bring (size cap, byte-order mark, encoding), the cells of
//! spreadsheets and their neutralisation, and the CSV, Markdown and XLSX writers.
//! The concepts above (assessment, benchmark, survey) say what goes into their files;
//! this module says how a file is read and written.

pub mod cells;
pub mod csv;
pub mod envelope;
pub mod input;
pub mod markdown;
pub mod table;
pub mod transfer;
pub mod xlsx;
