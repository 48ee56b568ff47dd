//! Writing files so that a crash, a full disk or a failed rename never
//! leaves a half-written file: the bytes go to a temporary file in the same
//! folder, are flushed to disk, and the temporary file is renamed over the
//! target in one step. Until that rename the old file is untouched.
//!
//! `tempfile` makes the temporary file (unique name, removed if anything
//! fails before the rename).

use std::io::{self, Write};
use std::path::Path;

use tempfile::NamedTempFile;

/// Writes `bytes` to `path` atomically.
pub fn write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_via(path, bytes, |tmp, target| {
        tmp.persist(target).map(|_| ()).map_err(|e| e.error)
    })
}

/// [`write`] with the final rename passed in, so tests can make it fail.
pub fn write_via(
    path: &Path,
    bytes: &[u8],
    rename: impl FnOnce(NamedTempFile, &Path) -> io::Result<()>,
) -> io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".sourcelight-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    rename(tmp, path)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leftovers(dir: &Path) -> Vec<String> {
        std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tmp"))
            .collect()
    }

    #[test]
    fn writes_and_replaces() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        write(&path, b"one").unwrap();
        write(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        assert!(leftovers(dir.path()).is_empty());
    }

    #[test]
    fn a_failed_rename_leaves_the_old_file_and_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        write(&path, b"old").unwrap();
        let err = write_via(&path, b"new", |_tmp, _| {
            Err(io::Error::other("simulated crash before rename"))
        })
        .unwrap_err();
        assert!(err.to_string().contains("simulated"));
        assert_eq!(std::fs::read(&path).unwrap(), b"old");
        assert!(leftovers(dir.path()).is_empty());
    }

    #[test]
    fn an_unwritable_folder_is_an_error_not_a_panic() {
        let path = Path::new("/nonexistent-folder-for-sourcelight/a.json");
        assert!(write(path, b"x").is_err());
    }
}
