//@ level secret_extraction=warn
fn configure(config: &mut rustls::ClientConfig) {
    config.enable_secret_extraction = true;
    //~^ secret_extraction
}

fn extract(conn: rustls::ClientConnection) {
    let _ = conn.dangerous_extract_secrets();
    //~^ secret_extraction
}
