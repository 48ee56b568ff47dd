//! The .txt loader alone: any bytes give paragraphs or a clean error.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sourcelight::document::{self, Format};

fuzz_target!(|data: &[u8]| {
    if let Ok(doc) = document::from_bytes(std::path::Path::new("fuzz.txt"), data, Format::Text) {
        for p in &doc.paragraphs {
            assert!(!p.contains('\n'), "paragraphs have no line breaks");
        }
    }
});
