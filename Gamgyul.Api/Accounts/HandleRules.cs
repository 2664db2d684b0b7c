using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Gamgyul.Api.Accounts;

/// <summary>
/// What a handle (the public <c>@name</c> in URLs) may be: 3 to 30 characters of <c>[a-z0-9_.]</c>, not a
/// reserved word. Uniqueness (case-insensitive) is Identity's job.
/// </summary>
public static partial class HandleRules
{
    public const int MinLength = 3;
    public const int MaxLength = 30;
    public const string Characters = "abcdefghijklmnopqrstuvwxyz0123456789_.";

    /// <summary>Words that name routes, roles or the service itself, so nobody can impersonate them.</summary>
    public static readonly FrozenSet<string> Reserved = FrozenSet.Create(StringComparer.Ordinal,
    [
        "about", "account", "accounts", "admin", "administrator", "admins", "api", "app", "auth", "billing",
        "chat", "chats", "comment", "comments", "contact", "dashboard", "delete", "deleted", "edit", "explore",
        "feed", "follow", "followers", "following", "follows", "gamgyul", "help", "home", "image", "images",
        "like", "likes", "login", "logout", "me", "media", "moderator", "mod", "new", "notifications", "null",
        "official", "password", "post", "posts", "privacy", "product", "products", "profile", "register",
        "registration", "report", "reports", "root", "search", "security", "settings", "signin", "signup",
        "staff", "static", "support", "system", "terms", "undefined", "user", "users", "www",
    ]);

    public static bool HasValidForm(string handle) =>
        handle.Length is >= MinLength and <= MaxLength && HandlePattern().IsMatch(handle);

    public static bool IsReserved(string handle) => Reserved.Contains(handle);

    [GeneratedRegex("^[a-z0-9_.]+$", RegexOptions.CultureInvariant)]
    private static partial Regex HandlePattern();
}
