use std::sync::Arc;

fn client(config: &mut rustls::ClientConfig) {
    config.key_log = Arc::new(rustls::KeyLogFile::new());
    //~^ tls_key_logging
}

fn server(config: rustls::ServerConfig) -> rustls::ServerConfig {
    rustls::ServerConfig { key_log: Arc::new(Printer), ..config }
    //~^ tls_key_logging
}

struct Printer;

impl rustls::KeyLog for Printer {
    fn log(&self, label: &str, _client_random: &[u8], secret: &[u8]) {
        eprintln!("{label} {secret:?}");
    }
}

fn reqwest013() -> reqwest::Result<reqwest::Client> {
    reqwest::Client::builder().tls_sslkeylogfile(true).build()
    //~^ tls_key_logging
}

fn tonic() -> tonic::transport::ClientTlsConfig {
    tonic::transport::ClientTlsConfig::new().use_key_log()
    //~^ tls_key_logging
}

fn openssl(ctx: &mut openssl::ssl::SslContextBuilder) {
    ctx.set_keylog_callback(|_, line| eprintln!("{line}"));
    //~^ tls_key_logging
}
