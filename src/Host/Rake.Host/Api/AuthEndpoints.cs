using Microsoft.AspNetCore.Identity;
using Rake.BuildingBlocks.Localization;
using Rake.BuildingBlocks.Regions;
using Rake.BuildingBlocks.Web;
using Rake.Host.Platform;

namespace Rake.Host.Api;

internal sealed record TokenRequest(string? UserName, string? Password);

internal static class AuthEndpoints
{
    public static void MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        // The framework's bearer-token handler writes {tokenType, accessToken, expiresIn, refreshToken}.
        app.MapPost("/api/v1/auth/token", async (TokenRequest request, UserManager<RakeUser> users, RakeSignInManager signIn,
            LocalPasswordPolicy passwords, TextCatalog texts) =>
        {
            if (string.IsNullOrWhiteSpace(request.UserName) || string.IsNullOrWhiteSpace(request.Password))
            {
                var errors = new Dictionary<string, string[]>();
                if (string.IsNullOrWhiteSpace(request.UserName))
                {
                    errors["userName"] = ["The user name is required."];
                }

                if (string.IsNullOrWhiteSpace(request.Password))
                {
                    errors["password"] = ["The password is required."];
                }

                throw new ValidationException(errors);
            }
            if (!await passwords.AllowsAsync(request.UserName, users))
            {
                return Results.Problem(statusCode: 403, title: texts["auth.passwordsOffTitle"], detail: texts[passwords.NoticeKey!]);
            }
            var (user, result) = await signIn.CheckPasswordAsync(request.UserName.Trim(), request.Password);
            if (user is null || !result.Succeeded)
            {
                return Results.Problem(statusCode: 401, title: "Sign-in failed",
                    detail: "The user name or password is wrong, or the account is locked for a while after repeated failures.");
            }
            var principal = await signIn.CreateUserPrincipalAsync(user);
            return Results.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
        })
        .AllowAnonymous()
        .WithTags("Authentication")
        .WithSummary("Exchange a user name and password for a bearer token (integrations).");

        app.MapPost("/account/logout", Sessions.SignOutAsync).ExcludeFromDescription();

        app.MapGet("/account/region", (string? code, IRegionAccess regions) =>
            Results.LocalRedirect(code is { Length: > 0 } && regions.Find(code) is not null ? $"/{code}" : "/"))
            .ExcludeFromDescription();

        app.MapGet("/account/culture", (string culture, string? returnUrl, HttpContext http, TextCatalog texts) =>
        {
            // The framework refuses to redirect to "/\\host" or "//host" (another site) by throwing, which used to be a 500.
            if (returnUrl is { Length: > 0 } && !Sessions.IsLocalUrl(returnUrl))
            {
                var errors = new Dictionary<string, string[]> { ["returnUrl"] = [texts["validation.localUrl"]] };
                throw new ValidationException(errors, texts["validation.nothingStored"]);
            }
            if (culture is "fi" or "sv" or "en")
            {
                http.Response.Cookies.Append(
                    Microsoft.AspNetCore.Localization.CookieRequestCultureProvider.DefaultCookieName,
                    Microsoft.AspNetCore.Localization.CookieRequestCultureProvider.MakeCookieValue(new(culture)),
                    new CookieOptions
                    {
                        MaxAge = TimeSpan.FromDays(365),
                        IsEssential = true,
                        SameSite = SameSiteMode.Lax,
                        HttpOnly = true,
                    });
            }
            return Results.LocalRedirect(returnUrl is { Length: > 0 } ? returnUrl : "/");
        }).AllowAnonymous().ExcludeFromDescription();
    }
}
