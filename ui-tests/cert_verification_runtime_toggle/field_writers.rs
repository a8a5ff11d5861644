// The places that give a private field its value are found however they reach it: through a
// parameter of the struct's type, and through a method that returns the struct. A dangerous
// constant written by a public method that only sets the field (an opt-in switch) is up to that
// method's callers, like a setter's argument.

pub struct Options {
    pub(crate) skip_verify: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options { skip_verify: false }
    }
}

pub fn parse(options: &mut Options, key: &str, value: &str) {
    if key == "skip_verify" {
        options.skip_verify = value == "true";
    }
}

pub(crate) fn connect(options: &Options) -> native_tls::TlsConnectorBuilder {
    let mut builder = native_tls::TlsConnector::builder();
    builder.danger_accept_invalid_certs(options.skip_verify);
    //~^ cert_verification_runtime_toggle
    builder
}

// The direct spelling: the parameter reaches the setting itself.
pub fn connect_direct(skip_verify: bool) -> native_tls::TlsConnectorBuilder {
    let mut builder = native_tls::TlsConnector::builder();
    builder.danger_accept_invalid_certs(skip_verify);
    //~^ cert_verification_runtime_toggle
    builder
}

#[derive(Default)]
pub(crate) struct HttpSettings {
    pub(crate) disable_verification: bool,
}

impl HttpSettings {
    pub(crate) fn client(&self) -> reqwest::ClientBuilder {
        let mut builder = reqwest::Client::builder();
        if self.disable_verification {
            builder = builder.danger_accept_invalid_certs(true);
            //~^ cert_verification_runtime_toggle
        }
        builder
    }
}

#[derive(Default)]
pub struct ClientBuilder {
    http: Option<HttpSettings>,
}

impl ClientBuilder {
    fn settings(&mut self) -> &mut HttpSettings {
        self.http.get_or_insert_with(Default::default)
    }

    pub fn disable_verification(mut self) -> Self {
        self.settings().disable_verification = true;
        self
    }
}

// A private function that sets the field to the dangerous constant decides it: the constant
// finding.
#[derive(Default)]
pub(crate) struct Fixed {
    insecure: bool,
}

impl Fixed {
    pub(crate) fn client(&self) -> reqwest::ClientBuilder {
        let mut builder = reqwest::Client::builder();
        if self.insecure {
            builder = builder.danger_accept_invalid_certs(true);
            //~^ cert_verification_disabled
        }
        builder
    }

    fn prepare(&mut self) {
        self.insecure = true;
    }
}

pub fn fixed() -> reqwest::ClientBuilder {
    let mut f = Fixed::default();
    f.prepare();
    f.client()
}

// A public method that sets only the safe value makes no finding.
#[derive(Default)]
pub struct Safe {
    insecure: bool,
}

impl Safe {
    pub fn verify(mut self) -> Self {
        self.insecure = false;
        self
    }

    pub fn client(&self) -> reqwest::ClientBuilder {
        let mut builder = reqwest::Client::builder();
        if self.insecure {
            builder = builder.danger_accept_invalid_certs(true);
        }
        builder
    }
}
