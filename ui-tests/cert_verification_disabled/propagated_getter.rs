// tiberius's `trust_cert()` returns no `Result`: a call of that name whose result is propagated
// with `?` is another type's getter (a connection-string option read as a bool), not the setting.
pub trait Options {
    fn trust_cert(&self) -> Result<bool, String>;
}

pub fn read(options: &impl Options) -> Result<bool, String> {
    let trust = options.trust_cert()?;
    Ok(trust)
}

pub fn checked(options: &impl Options) -> Result<(), String> {
    assert!(!options.trust_cert()?);
    Ok(())
}

pub fn set(config: &mut tiberius::Config) {
    config.trust_cert();
    //~^ cert_verification_disabled
}
