use std::sync::Arc;

fn client(config: &mut rustls::ClientConfig) {
    config.key_log = Arc::new(rustls::NoKeyLog);
}

fn reqwest013() -> reqwest::Result<reqwest::Client> {
    reqwest::Client::builder().tls_sslkeylogfile(false).build()
}

#[cfg(test)]
mod tests {
    #[test]
    fn debug_capture(config: &mut rustls::ClientConfig) {
        config.key_log = std::sync::Arc::new(rustls::KeyLogFile::new());
    }
}

fn debug_builds(config: &mut rustls::ClientConfig) {
    #[cfg(debug_assertions)]
    {
        config.key_log = Arc::new(rustls::KeyLogFile::new());
    }
    if cfg!(debug_assertions) {
        config.key_log = Arc::new(rustls::KeyLogFile::new());
    }
}
