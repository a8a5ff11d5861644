// openssl's built-in hostname check switched off, but the same function sets the expected host on
// the verify parameters: the check is done, by the parameters.
use openssl::ssl::{SslConnector, SslMethod};

fn checked(host: &str) -> Result<SslConnector, openssl::error::ErrorStack> {
    let mut builder = SslConnector::builder(SslMethod::tls())?;
    builder.set_verify_hostname(false);
    let param = builder.verify_param_mut();
    param.set_host(host)?;
    Ok(builder.build())
}

fn configured(connector: &SslConnector, host: &str) -> Result<openssl::ssl::ConnectConfiguration, openssl::error::ErrorStack> {
    let mut config = connector.configure()?;
    config.set_verify_hostname(false);
    config.param_mut().add_host(host)?;
    Ok(config)
}

// A helper that takes the verify parameters first (`ext::add_host(param, host)`) checks the host
// as the method does; given another object's parameters it covers nothing.
mod ext {
    pub fn add_host(param: &mut openssl::x509::verify::X509VerifyParamRef, host: &str) -> Result<(), openssl::error::ErrorStack> {
        param.set_host(host)
    }
}

fn through_helper(connector: &SslConnector, host: &str) -> Result<openssl::ssl::ConnectConfiguration, openssl::error::ErrorStack> {
    let mut config = connector.configure()?;
    let param = config.param_mut();
    ext::add_host(param, host)?;
    config.set_verify_hostname(false);
    Ok(config)
}

fn helper_other_object(connector: &SslConnector, host: &str) -> Result<(openssl::ssl::ConnectConfiguration, openssl::ssl::ConnectConfiguration), openssl::error::ErrorStack> {
    let mut checked = connector.configure()?;
    ext::add_host(checked.param_mut(), host)?;
    let mut unchecked = connector.configure()?;
    unchecked.set_verify_hostname(false);
    //~^ hostname_verification_disabled
    Ok((checked, unchecked))
}

// The host check in another function does not cover this one.
fn unchecked(connector: &SslConnector) -> Result<openssl::ssl::ConnectConfiguration, openssl::error::ErrorStack> {
    let mut config = connector.configure()?;
    config.set_verify_hostname(false);
    //~^ hostname_verification_disabled
    Ok(config)
}

fn elsewhere(config: &mut openssl::ssl::ConnectConfiguration, host: &str) -> Result<(), openssl::error::ErrorStack> {
    config.param_mut().set_host(host)
}

// The host set on another object's verify parameters does not cover this one.
fn other_object(connector: &SslConnector, host: &str) -> Result<(openssl::ssl::ConnectConfiguration, openssl::ssl::ConnectConfiguration), openssl::error::ErrorStack> {
    let mut checked = connector.configure()?;
    checked.param_mut().set_host(host)?;
    let mut unchecked = connector.configure()?;
    unchecked.set_verify_hostname(false);
    //~^ hostname_verification_disabled
    Ok((checked, unchecked))
}
