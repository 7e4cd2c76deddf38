//! What `sejour demo seed` prints: what was seeded, the credentials and URLs to try.

use std::io::Write;

use super::{ADMIN_EMAIL, DEMO_PASSWORD, GUEST_EMAIL, MANAGER_EMAIL, OWNER_EMAIL, SeedReport};

/// Writes what was seeded, the credentials and URLs to try.
pub fn write_summary(
    out: &mut impl Write,
    report: &SeedReport,
    base: &str,
    seconds: f64,
) -> std::io::Result<()> {
    let published = report.properties.iter().filter(|p| p.published).count();
    let drafts = report.properties.len() - published;
    let (check_in, check_out) = (report.example_check_in, report.example_check_out);
    writeln!(out, "Demo agency seeded in {seconds:.1} s:")?;
    writeln!(out, "  4 accounts (admin, manager, owner, guest)")?;
    writeln!(
        out,
        "  {} owners (one linked to {OWNER_EMAIL})",
        report.owners.len()
    )?;
    writeln!(
        out,
        "  {} properties ({published} published, {drafts} draft), {} photos, {} calendar blocks",
        report.properties.len(),
        report.photos,
        report.blocks
    )?;
    writeln!(out)?;
    writeln!(
        out,
        "Sign in with POST {base}/api/v1/auth/login; every account's password is {DEMO_PASSWORD}"
    )?;
    for (role, email) in [
        ("admin", ADMIN_EMAIL),
        ("manager", MANAGER_EMAIL),
        ("owner", OWNER_EMAIL),
        ("guest", GUEST_EMAIL),
    ] {
        writeln!(out, "  {role:<8} {email}")?;
    }
    writeln!(out)?;
    writeln!(out, "Try:")?;
    writeln!(
        out,
        "  {base}/api/v1/properties?city=Nice&checkIn={check_in}&checkOut={check_out}&guests=2"
    )?;
    writeln!(
        out,
        "  {base}/api/v1/properties?near=43.70,7.27&radius=50&checkIn={check_in}&checkOut={check_out}&sort=distance"
    )?;
    if let Some(nice) = report.property_in("Nice") {
        writeln!(
            out,
            "  {base}/api/v1/properties/{}/quote?checkIn={check_in}&checkOut={check_out}&adults=2",
            nice.id
        )?;
    }
    writeln!(
        out,
        "  {base}/api/v1/properties/managed (signed in as {OWNER_EMAIL})"
    )?;
    writeln!(out, "  {base}/docs")?;
    Ok(())
}
