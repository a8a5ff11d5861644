//@ cleartext-host 10.0.0.0/8
//@ cleartext-host *.internal
// Hosts listed in `allowed-cleartext-hosts`, and the TLS twins of the positive cases.
use lettre::transport::smtp::client::{Tls, TlsParameters};

async fn postgres() -> Result<(), tokio_postgres::Error> {
    let (_client, _conn) = tokio_postgres::connect("host=10.1.2.3 user=app", tokio_postgres::NoTls).await?;
    Ok(())
}

fn mailer() -> lettre::SmtpTransport {
    lettre::SmtpTransport::builder_dangerous("relay.internal").build()
}

fn mailer_required(params: TlsParameters) -> lettre::SmtpTransport {
    lettre::SmtpTransport::relay("smtp.example.com").unwrap().tls(Tls::Required(params)).build()
}

fn imap_tls() {
    let _ = imap::ClientBuilder::new("imap.example.com", 993).mode(imap::ConnectionMode::Tls).connect();
}
