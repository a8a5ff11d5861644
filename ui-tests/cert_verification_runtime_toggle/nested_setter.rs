// A builder that holds its settings in a field (`self.config.skip = v`) sets that struct's field:
// a public setter's argument makes the value run-time (TLS104, as with `self.skip = v`); a setter
// that only ever writes `false` makes none.
pub struct Settings {
    skip_verify: bool,
    relaxed: bool,
}

pub struct SettingsBuilder {
    config: Settings,
}

impl SettingsBuilder {
    pub fn new() -> Self {
        SettingsBuilder {
            config: Settings {
                skip_verify: false,
                relaxed: false,
            },
        }
    }

    pub fn skip_verify(mut self, v: bool) -> Self {
        self.config.skip_verify = v;
        self
    }

    pub fn strict(mut self) -> Self {
        self.config.relaxed = false;
        self
    }

    pub fn build(self) -> Settings {
        self.config
    }
}

pub fn guarded(settings: &Settings) -> native_tls::TlsConnectorBuilder {
    let mut builder = native_tls::TlsConnector::builder();
    if settings.skip_verify {
        builder.danger_accept_invalid_certs(true);
        //~^ cert_verification_runtime_toggle
    }
    builder
}

pub fn passed(settings: &Settings) -> native_tls::TlsConnectorBuilder {
    let mut builder = native_tls::TlsConnector::builder();
    builder.danger_accept_invalid_certs(settings.skip_verify);
    //~^ cert_verification_runtime_toggle
    builder
}

pub fn never(settings: &Settings) -> native_tls::TlsConnectorBuilder {
    let mut builder = native_tls::TlsConnector::builder();
    builder.danger_accept_invalid_certs(settings.relaxed);
    builder
}
