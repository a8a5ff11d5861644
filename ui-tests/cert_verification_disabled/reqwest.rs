use reqwest::ClientBuilder as Cb;

const INSECURE: bool = true;
static ALSO_INSECURE: bool = !false;

fn literal() -> reqwest::Result<reqwest::Client> {
    reqwest::Client::builder().danger_accept_invalid_certs(true).build()
    //~^ cert_verification_disabled
}

fn blocking_multiline() -> reqwest::blocking::Client {
    reqwest::blocking::Client::builder()
        .timeout(std::time::Duration::from_secs(5))
        .danger_accept_invalid_certs(INSECURE)
        //~^ cert_verification_disabled
        .build()
        .unwrap()
}

fn reqwest_013_name(b: reqwest::ClientBuilder) -> reqwest::ClientBuilder {
    b.tls_danger_accept_invalid_certs(ALSO_INSECURE)
    //~^ cert_verification_disabled
}

fn ufcs_through_alias(b: Cb) -> Cb {
    Cb::danger_accept_invalid_certs(b, true)
    //~^ cert_verification_disabled
}

fn let_mut_reassigned_to_constants() -> reqwest::Result<reqwest::Client> {
    let mut skip = true;
    if std::path::Path::new("/etc/x").exists() {
        skip = true;
    }
    reqwest::Client::builder().danger_accept_invalid_certs(skip).build()
    //~^ cert_verification_disabled
}

fn same_constant_in_every_arm(mode: u8) -> reqwest::Result<reqwest::Client> {
    let v = match mode {
        0 => true,
        _ => true,
    };
    reqwest::Client::builder().danger_accept_invalid_certs(v).build()
    //~^ cert_verification_disabled
}

fn in_a_macro() {
    let client = format!("{:?}", reqwest::Client::builder().danger_accept_invalid_certs(true));
    //~^ cert_verification_disabled
    println!("{client}");
}
