// A field or a parameter taken apart by a pattern is judged as the field or the parameter
// written at the setter: by the values the package gives the field, by what the callers pass.

struct Settings {
    insecure: bool,
    timeout: u64,
}

fn settings() -> Settings {
    Settings { insecure: true, timeout: 30 }
}

fn field_written(s: &Settings) -> reqwest::ClientBuilder {
    reqwest::Client::builder().danger_accept_invalid_certs(s.insecure)
    //~^ cert_verification_disabled
}

fn field_destructured(s: &Settings) -> reqwest::ClientBuilder {
    let Settings { insecure, timeout } = s;
    let _ = timeout;
    reqwest::Client::builder().danger_accept_invalid_certs(*insecure)
    //~^ cert_verification_disabled
}

// A field the package only sets to `false`: nothing to report, either way.
struct Quiet {
    insecure: bool,
}

fn quiet() -> Quiet {
    Quiet { insecure: false }
}

fn quiet_written(q: &Quiet) -> reqwest::ClientBuilder {
    reqwest::Client::builder().danger_accept_invalid_certs(q.insecure)
}

fn quiet_destructured(q: &Quiet) -> reqwest::ClientBuilder {
    let Quiet { insecure } = q;
    reqwest::Client::builder().danger_accept_invalid_certs(*insecure)
}

// Parameters taken apart from a tuple written in place.
fn parameters_in_a_tuple(timeout: u64, insecure: bool) -> reqwest::ClientBuilder {
    let (_, skip) = (timeout, insecure);
    reqwest::Client::builder().danger_accept_invalid_certs(skip)
    //~^ cert_verification_disabled
}

fn parameters_in_a_tuple_safe(timeout: u64, insecure: bool) -> reqwest::ClientBuilder {
    let (_, skip) = (timeout, insecure);
    reqwest::Client::builder().danger_accept_invalid_certs(skip)
}

pub fn callers() {
    let s = settings();
    let _ = field_written(&s);
    let _ = field_destructured(&s);
    let q = quiet();
    let _ = quiet_written(&q);
    let _ = quiet_destructured(&q);
    let _ = parameters_in_a_tuple(30, true);
    let _ = parameters_in_a_tuple_safe(30, false);
}
