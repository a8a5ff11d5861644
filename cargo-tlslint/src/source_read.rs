//! Reading source files into a buffer that each worker thread reuses. Most files fail the
//! prefilter and are dropped right after one pass over their bytes; reading each into a fresh
//! allocation made the allocator map and zero new pages for every one of them (a tenth of a
//! dependency audit). Only a file that is kept is copied into its own `String`.

use std::cell::RefCell;
use std::io::Read;
use std::path::Path;

/// A buffer over this size is released after use instead of being kept for the next file.
const KEEP_BYTES: usize = 4 * 1024 * 1024;

thread_local! {
    static BUFFER: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// Reads `path` and hands its bytes to `f`, in this thread's reusable buffer.
pub fn with_bytes<R>(path: &Path, f: impl FnOnce(&[u8]) -> R) -> std::io::Result<R> {
    BUFFER.with(|cell| {
        let mut buffer = cell.take();
        buffer.clear();
        let read = std::fs::File::open(path).and_then(|mut file| file.read_to_end(&mut buffer));
        let result = read.map(|_| f(&buffer));
        if buffer.capacity() <= KEEP_BYTES {
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
        std::fs::write(&long, "x".repeat(10_000)).expect("write");
        std::fs::write(&short, "fn f() {}").expect("write");
        assert_eq!(with_bytes(&long, <[u8]>::len).expect("read"), 10_000);
        assert_eq!(
            with_bytes(&short, <[u8]>::to_vec).expect("read"),
            b"fn f() {}",
            "nothing of the longer file is left over"
        );
        assert!(with_bytes(&dir.path().join("missing.rs"), <[u8]>::len).is_err());
    }
}
