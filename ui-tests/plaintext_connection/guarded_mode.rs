// A plaintext mode chosen only under a condition decided at run time (a `match` on the configured
// mode, an `if` on a flag) is a run-time choice: a warning naming the condition, even when the
// function sends a password. Chosen unconditionally (or under a condition that is always true),
// the password makes it an error; under a condition that is never true there is no finding.
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, Tokio1Executor};

pub enum MailerTls {
    Starttls,
    None,
}

pub struct SmtpMailer {
    pub host: String,
    pub port: u16,
    pub mode: MailerTls,
    pub password: Option<String>,
}

pub fn by_mode(config: &SmtpMailer) -> AsyncSmtpTransport<Tokio1Executor> {
    let host = &config.host;
    let mut builder = match config.mode {
        MailerTls::Starttls => AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(host)
            .unwrap()
            .port(config.port),
        MailerTls::None => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host)
        //~^ plaintext_connection
            .port(config.port),
    };
    if let Some(password) = &config.password {
        builder = builder.credentials(Credentials::new("app".into(), password.clone()));
    }
    builder.build()
}

pub fn by_flag(config: &SmtpMailer, plaintext: bool) -> AsyncSmtpTransport<Tokio1Executor> {
    let host = &config.host;
    let builder = if plaintext {
        AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host)
        //~^ plaintext_connection
    } else {
        AsyncSmtpTransport::<Tokio1Executor>::relay(host).unwrap()
    };
    let password = config.password.clone().unwrap_or_default();
    builder.credentials(Credentials::new("app".into(), password)).build()
}

pub fn unconditional(config: &SmtpMailer) -> AsyncSmtpTransport<Tokio1Executor> {
    let password = config.password.clone().unwrap_or_default();
    AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&config.host)
    //~^ plaintext_connection
        .credentials(Credentials::new("app".into(), password))
        .build()
}

const PLAINTEXT: bool = true;
const NEVER: bool = false;

pub fn always_true(config: &SmtpMailer) -> AsyncSmtpTransport<Tokio1Executor> {
    let password = config.password.clone().unwrap_or_default();
    let builder = if PLAINTEXT {
        AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&config.host)
        //~^ plaintext_connection
    } else {
        AsyncSmtpTransport::<Tokio1Executor>::relay(&config.host).unwrap()
    };
    builder.credentials(Credentials::new("app".into(), password)).build()
}

pub fn never(config: &SmtpMailer) -> AsyncSmtpTransport<Tokio1Executor> {
    let password = config.password.clone().unwrap_or_default();
    let builder = if NEVER {
        AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&config.host)
    } else {
        AsyncSmtpTransport::<Tokio1Executor>::relay(&config.host).unwrap()
    };
    builder.credentials(Credentials::new("app".into(), password)).build()
}
