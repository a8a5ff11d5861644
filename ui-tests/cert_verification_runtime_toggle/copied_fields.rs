// oha's shape: a clap flag copied into a builder's field, then into the client's field that the
// setting reads. The origin note follows the copies to the flag, as it names the flag when the
// setting reads the clap struct directly. A builder whose field only ever gets `false`, copied
// the same way, makes no finding; one given `true` makes TLS101's error, labelled where. That
// code outside the package could set the builder's public field is named only when nothing in
// the package names the value's origin.
use clap::Parser;

#[derive(Parser)]
struct Opts {
    #[clap(long = "insecure")]
    insecure: bool,
    url: String,
}

pub struct ClientBuilder {
    pub insecure: bool,
}

impl ClientBuilder {
    pub fn build(&self) -> Client {
        Client {
            insecure: self.insecure,
        }
    }
}

pub struct Client {
    insecure: bool,
}

impl Client {
    pub fn connector(&self) -> native_tls::TlsConnector {
        if self.insecure {
            native_tls::TlsConnector::builder()
                .danger_accept_invalid_certs(true)
                //~^ cert_verification_runtime_toggle
                .build()
                .unwrap()
        } else {
            native_tls::TlsConnector::new().unwrap()
        }
    }
}

fn main() {
    let opts: Opts = Opts::parse();
    let client = ClientBuilder {
        insecure: opts.insecure,
    }
    .build();
    let _ = client.connector();
    let _ = direct(&opts);
}

fn direct(opts: &Opts) -> native_tls::TlsConnector {
    if opts.insecure {
        native_tls::TlsConnector::builder()
            .danger_accept_invalid_certs(true)
            //~^ cert_verification_runtime_toggle
            .build()
            .unwrap()
    } else {
        native_tls::TlsConnector::new().unwrap()
    }
}

struct SafeBuilder {
    skip: bool,
}

impl SafeBuilder {
    fn build(&self) -> SafeClient {
        SafeClient { skip: self.skip }
    }
}

struct SafeClient {
    skip: bool,
}

impl SafeClient {
    fn connector(&self) -> native_tls::TlsConnector {
        native_tls::TlsConnector::builder()
            .danger_accept_invalid_certs(self.skip)
            .build()
            .unwrap()
    }
}

fn safe() -> native_tls::TlsConnector {
    SafeBuilder { skip: false }.build().connector()
}

struct LooseBuilder {
    skip: bool,
}

impl LooseBuilder {
    fn build(&self) -> LooseClient {
        LooseClient { skip: self.skip }
    }
}

struct LooseClient {
    skip: bool,
}

impl LooseClient {
    fn connector(&self) -> native_tls::TlsConnector {
        native_tls::TlsConnector::builder()
            .danger_accept_invalid_certs(self.skip)
            //~^ cert_verification_disabled
            .build()
            .unwrap()
    }
}

fn loose() -> native_tls::TlsConnector {
    LooseBuilder { skip: true }.build().connector()
}

// monolith's shape: a local options struct whose field is assigned the clap flag, read by a
// function of another type through a parameter.
#[derive(Parser)]
struct Cli {
    #[arg(short = 'k', long)]
    insecure: bool,
}

#[derive(Default)]
pub struct SessionOptions {
    pub insecure: bool,
}

pub fn session(options: &SessionOptions) -> reqwest::Client {
    reqwest::Client::builder()
        .danger_accept_invalid_certs(options.insecure)
        //~^ cert_verification_runtime_toggle
        .build()
        .unwrap()
}

pub fn run() {
    let cli = Cli::parse();
    let mut options: SessionOptions = SessionOptions::default();
    options.insecure = cli.insecure;
    let _ = session(&options);
}

// websocat's shape: the options behind an `Rc` are the struct's fields all the same.
pub fn shared(opts: std::rc::Rc<Cli>) -> native_tls::TlsConnector {
    let insecure = opts.insecure;
    native_tls::TlsConnector::builder()
        .danger_accept_invalid_certs(insecure)
        //~^ cert_verification_runtime_toggle
        .build()
        .unwrap()
}

// feroxbuster's shape: the configuration's field is set to `true` only when the flag came from
// the command line, then copied into the client's configuration in two places: a run-time value,
// as `if from_cli { danger_accept_invalid_certs(true) }` is.
pub struct Configuration {
    pub insecure: bool,
}

pub struct ClientConfig {
    insecure: bool,
}

fn client(config: &ClientConfig) -> reqwest::Client {
    reqwest::Client::builder()
        .danger_accept_invalid_certs(config.insecure)
        //~^ cert_verification_runtime_toggle
        .build()
        .unwrap()
}

fn configure(from_cli: bool) -> Configuration {
    let mut config = Configuration { insecure: false };
    if from_cli {
        config.insecure = true;
    }
    config
}

fn clients(configuration: &Configuration, proxy: bool) -> reqwest::Client {
    if proxy {
        client(&ClientConfig { insecure: configuration.insecure })
    } else {
        client(&ClientConfig { insecure: configuration.insecure })
    }
}
