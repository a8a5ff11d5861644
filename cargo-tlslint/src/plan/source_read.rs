//! Reading source files into a buffer that each worker thread reuses. Most files fail the
//! prefilter and are dropped right after one pass over their bytes; reading each into a fresh
//! allocation made the allocator map and zero new pages for every one of them (a tenth of a
//! dependency audit). Only a file that is kept is copied into its own `String`.

use std::cell::RefCell;
use std::fs::File;

use crate::plan::confine::{Refusal, read_capped};

/// A buffer over this size is released after use instead of being kept for the next file.
const KEEP_BYTES: usize = 4 * 1024 * 1024;

thread_local! {
    static BUFFER: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// Opens a file with `open` (which confines it, see [`crate::plan::confine`]), reads it and hands its
/// bytes to `f`, in this thread's reusable buffer.
pub fn with_bytes<R>(
    open: impl FnOnce() -> Result<File, Refusal>,
    f: impl FnOnce(&[u8]) -> R,
) -> Result<R, Refusal> {
    BUFFER.with(|cell| {
        let mut buffer = cell.take();
        let read = open().and_then(|file| read_capped(file, &mut buffer));
        let result = read.map(|len| f(&buffer[..len]));
        if buffer.len() <= KEEP_BYTES {
            cell.replace(buffer);
        }
        result
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_each_file_whole_with_one_buffer() {
        let dir = tempfile::tempdir().expect("temp dir");
        let long = dir.path().join("long.rs");
        let short = dir.path().join("short.rs");
        std::fs::write(&long, "x".repeat(200_000)).expect("write");
        std::fs::write(&short, "fn f() {}").expect("write");
        let open = |p: &std::path::Path| {
            let p = p.to_path_buf();
            move || crate::plan::confine::open_walked(&p)
        };
        assert_eq!(with_bytes(open(&long), <[u8]>::len).expect("read"), 200_000);
        assert_eq!(
            with_bytes(open(&short), <[u8]>::to_vec).expect("read"),
            b"fn f() {}",
            "nothing of the longer file is left over"
        );
        assert!(with_bytes(open(&dir.path().join("missing.rs")), <[u8]>::len).is_err());
    }
}
