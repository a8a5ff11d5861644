// A field is judged by the values the package gives it: struct literals, `Default`, and setters
// on `self` whose callers pass a constant.

struct Settings {
    insecure: bool,
}

fn settings() -> Settings {
    Settings { insecure: true }
}

fn make(s: &Settings) -> reqwest::ClientBuilder {
    reqwest::Client::builder().danger_accept_invalid_certs(s.insecure)
    //~^ cert_verification_disabled
}

struct Conn {
    insecure: bool,
}

impl Conn {
    fn new() -> Self {
        Conn { insecure: false }
    }

    fn insecure(mut self, v: bool) -> Self {
        self.insecure = v;
        self
    }

    fn build(&self) -> reqwest::ClientBuilder {
        reqwest::Client::builder().danger_accept_invalid_certs(self.insecure)
        //~^ cert_verification_disabled
    }
}

pub fn debug() -> reqwest::ClientBuilder {
    Conn::new().insecure(true).build()
}

// Only safe values anywhere: no finding.
struct Quiet {
    insecure: bool,
}

impl Default for Quiet {
    fn default() -> Self {
        Self { insecure: false }
    }
}

fn quiet(q: &Quiet) -> reqwest::ClientBuilder {
    reqwest::Client::builder().danger_accept_invalid_certs(q.insecure)
}

// A value set only in test code does not reach production code.
struct Probe {
    insecure: bool,
}

fn probe(p: &Probe) -> reqwest::ClientBuilder {
    reqwest::Client::builder().danger_accept_invalid_certs(p.insecure)
}

pub fn production() -> reqwest::ClientBuilder {
    probe(&Probe { insecure: false })
}

#[cfg(test)]
mod tests {
    #[test]
    fn insecure_probe() {
        let _ = super::probe(&super::Probe { insecure: true });
    }
}
