// lettre's `builder_dangerous` starts without TLS; it is judged by the TLS set afterwards, on
// every path, through rebinding.
use lettre::SmtpTransport;
use lettre::transport::smtp::client::{Tls, TlsParameters};

fn wrapped(params: TlsParameters) -> SmtpTransport {
    SmtpTransport::builder_dangerous("smtp.example.com").port(465).tls(Tls::Wrapper(params)).build()
}

fn rebound(params: TlsParameters) -> SmtpTransport {
    let t = SmtpTransport::builder_dangerous("smtp.example.com").port(587);
    let t = t.tls(Tls::Required(params));
    t.build()
}

fn both_branches(params: TlsParameters, implicit: bool) -> SmtpTransport {
    let t = SmtpTransport::builder_dangerous("smtp.example.com");
    let t = if implicit { t.tls(Tls::Wrapper(params)) } else { t.tls(Tls::Required(params)) };
    t.build()
}

fn one_path_plaintext(params: TlsParameters, c: bool) -> SmtpTransport {
    let t = SmtpTransport::builder_dangerous("smtp.example.com");
    //~^ plaintext_connection
    let t = if c { t } else { t.tls(Tls::Required(params)) };
    t.build()
}

fn never(host: &str) -> SmtpTransport {
    let t = SmtpTransport::builder_dangerous(host);
    //~^ plaintext_connection
    let t = t.port(25);
    t.build()
}
