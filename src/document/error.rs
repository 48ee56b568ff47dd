//! The one error type of loading: each variant names the file and says, in
//! words an editor understands, what is wrong with it.

use std::io;
use std::path::PathBuf;

use super::Format;

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{}: no such file", path.display())]
    NotFound { path: PathBuf },
    #[error("{}: permission denied (the file cannot be read by this user)", path.display())]
    PermissionDenied { path: PathBuf },
    #[error("{}: is a folder, not an article file", path.display())]
    IsDirectory { path: PathBuf },
    #[error("{}: too large ({} MB; the limit is {} MB)", path.display(), size / 1_000_000, limit / 1_000_000)]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    #[error("{}: not readable as text: {why}", path.display())]
    Unreadable { path: PathBuf, why: String },
    #[error("{}: not a valid {} file: {why}", path.display(), format.label())]
    Corrupt {
        path: PathBuf,
        format: Format,
        why: String,
    },
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: io::Error },
}

impl LoadError {
    pub(crate) fn from_io(path: PathBuf, err: io::Error) -> LoadError {
        match err.kind() {
            io::ErrorKind::NotFound => LoadError::NotFound { path },
            io::ErrorKind::PermissionDenied => LoadError::PermissionDenied { path },
            io::ErrorKind::IsADirectory => LoadError::IsDirectory { path },
            _ => LoadError::Io { path, source: err },
        }
    }

    /// The file the error is about.
    pub fn path(&self) -> &std::path::Path {
        match self {
            LoadError::NotFound { path }
            | LoadError::PermissionDenied { path }
            | LoadError::IsDirectory { path }
            | LoadError::TooLarge { path, .. }
            | LoadError::Unreadable { path, .. }
            | LoadError::Corrupt { path, .. }
            | LoadError::Io { path, .. } => path,
        }
    }
}
