namespace Gamgyul.Api.Accounts;

public enum AdminGrantOutcome
{
    Granted,
    AlreadyAdmin,
    NoSuchAccount,
}
