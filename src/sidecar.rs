//! The review sidecar: `NAME.sourcelight.json` beside the article `NAME`,
//! holding the editor's decisions ([`crate::review::Review`]).
//!
//! The article itself is never written. The sidecar is written atomically
//! ([`crate::atomic`]); one that cannot be read — broken JSON, a format
//! from a newer Sourcelight — is reported and left exactly as it is.

use std::path::{Path, PathBuf};

use thiserror::Error;

use crate::review::{FORMAT_VERSION, Review};

/// Ending of sidecar file names.
pub const SUFFIX: &str = ".sourcelight.json";
/// Largest sidecar read; real ones are kilobytes.
const MAX_BYTES: u64 = 16 * 1024 * 1024;

#[derive(Debug, Error)]
pub enum SidecarError {
    #[error("{path}: cannot read review file: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: review file is larger than {MAX_BYTES} bytes; left untouched")]
    TooLarge { path: String },
    #[error("{path}: review file is not valid ({message}); left untouched")]
    Invalid { path: String, message: String },
    #[error(
        "{path}: review file has format version {found}, this Sourcelight reads version {FORMAT_VERSION}; left untouched"
    )]
    Version { path: String, found: u64 },
    #[error("{path}: cannot save review file: {source}")]
    Write {
        path: String,
        source: std::io::Error,
    },
}

/// Where the sidecar of `article` lives.
pub fn path_for(article: &Path) -> PathBuf {
    let mut name = article
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(SUFFIX);
    article.with_file_name(name)
}

/// Whether a path is itself a sidecar (so folder listings skip it).
pub fn is_sidecar(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| n.to_string_lossy().ends_with(SUFFIX))
}

/// Reads the sidecar of `article`: `None` when there is none.
pub fn load(article: &Path) -> Result<Option<Review>, SidecarError> {
    let path = path_for(article);
    let shown = path.display().to_string();
    let meta = match std::fs::metadata(&path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(source) => {
            return Err(SidecarError::Read {
                path: shown,
                source,
            });
        }
    };
    if meta.len() > MAX_BYTES {
        return Err(SidecarError::TooLarge { path: shown });
    }
    let bytes = std::fs::read(&path).map_err(|source| SidecarError::Read {
        path: shown.clone(),
        source,
    })?;
    parse(&bytes, &shown).map(Some)
}

/// Parses sidecar bytes; `shown` names the file in errors.
pub fn parse(bytes: &[u8], shown: &str) -> Result<Review, SidecarError> {
    let invalid = |message: String| SidecarError::Invalid {
        path: shown.to_string(),
        message,
    };
    // The version first, so a newer format says so rather than failing on
    // whatever field it added.
    let value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| invalid(e.to_string()))?;
    let found = value
        .get("version")
        .and_then(serde_json::Value::as_u64)
        .ok_or_else(|| invalid("no \"version\" number".to_string()))?;
    if found != u64::from(FORMAT_VERSION) {
        return Err(SidecarError::Version {
            path: shown.to_string(),
            found,
        });
    }
    serde_path_to_error::deserialize(value).map_err(|e| {
        let at = e.path().to_string();
        invalid(format!("at {at}: {}", e.inner()))
    })
}

/// Writes the sidecar of `article` atomically; an empty review removes an
/// existing sidecar rather than leaving an empty file behind.
pub fn save(article: &Path, review: &Review) -> Result<PathBuf, SidecarError> {
    let path = path_for(article);
    let write_error = |source| SidecarError::Write {
        path: path.display().to_string(),
        source,
    };
    if review.is_empty() {
        match std::fs::remove_file(&path) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(write_error(e)),
        }
        return Ok(path);
    }
    let mut json = serde_json::to_vec_pretty(review).map_err(|e| write_error(e.into()))?;
    json.push(b'\n');
    crate::atomic::write(&path, &json).map_err(write_error)?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sidecar_sits_beside_the_article() {
        assert_eq!(
            path_for(Path::new("/desk/story.docx")),
            Path::new("/desk/story.docx.sourcelight.json")
        );
        assert!(is_sidecar(Path::new("a/story.txt.sourcelight.json")));
        assert!(!is_sidecar(Path::new("a/story.txt")));
    }

    #[test]
    fn round_trip_and_empty_review_removes_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let article = dir.path().join("story.txt");
        std::fs::write(&article, "text").unwrap();
        assert!(load(&article).unwrap().is_none());
        let mut r = Review::default();
        r.set_note(0, "text", "check");
        save(&article, &r).unwrap();
        assert_eq!(load(&article).unwrap(), Some(r));
        save(&article, &Review::default()).unwrap();
        assert!(!path_for(&article).exists());
        assert_eq!(std::fs::read(&article).unwrap(), b"text");
    }

    #[test]
    fn broken_and_future_sidecars_are_clear_errors() {
        let e = parse(b"{not json", "x.sourcelight.json").unwrap_err();
        assert!(e.to_string().contains("x.sourcelight.json"), "{e}");
        let e = parse(br#"{"version": 9, "decisions": "new"}"#, "f").unwrap_err();
        assert!(e.to_string().contains("format version 9"), "{e}");
        let e = parse(br#"{"version": 1, "decisions": 3}"#, "f").unwrap_err();
        assert!(e.to_string().contains("decisions"), "{e}");
        let e = parse(br#"{"decisions": []}"#, "f").unwrap_err();
        assert!(e.to_string().contains("version"), "{e}");
    }
}
