//! Shared machinery of the cleartext rules (TLS130, TLS501, TLS510–TLS514): host exemptions,
//! URL values, configuration-string positions and credential carriers.

pub mod carriers;
pub mod context;
pub mod hosts;
pub mod url_value;
