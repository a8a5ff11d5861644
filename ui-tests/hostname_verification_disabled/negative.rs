fn defaults(connector: &openssl::ssl::SslConnector) -> Result<(), openssl::error::ErrorStack> {
    let _ = connector.configure()?.verify_hostname(true);
    let _ = reqwest::Client::builder().danger_accept_invalid_hostnames(false).build();
    let _ = sqlx::postgres::PgConnectOptions::new().ssl_mode(sqlx::postgres::PgSslMode::VerifyFull);
    Ok(())
}

// `verify(false)` without paho-mqtt in the file is some other API.
fn unrelated(v: &mut Validator) {
    v.verify(false);
}

struct Validator;
impl Validator {
    fn verify(&mut self, _strict: bool) {}
}
