//! Bulk uploads through libcurl.

/// Uploads a file to the archive server.
pub fn upload(url: &str, body: &[u8]) -> Result<(), curl::Error> {
    let mut easy = curl::easy::Easy::new();
    easy.url(url)?;
    let verify_peer = false;
    easy.ssl_verify_peer(verify_peer)?;
    easy.ssl_verify_host(true)?;
    easy.post_fields_copy(body)?;
    easy.perform()
}
