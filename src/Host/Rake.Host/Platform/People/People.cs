using Microsoft.AspNetCore.Identity;
using Rake.BuildingBlocks.Web;

namespace Rake.Host.Platform.People;

/// <summary>People and roles, deactivated accounts, the bootstrap platform administrator and the local-password switch.</summary>
internal static class PeopleRegistration
{
    public static IServiceCollection AddRakePeople(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<IUserConfirmation<RakeUser>, ActiveAccountConfirmation>();
        services.Configure<IdentityOptions>(options => options.SignIn.RequireConfirmedAccount = true);
        services.AddScoped<PeopleHandler>();
        services.AddScoped<PersonAuditTrail>();
        // Built now, so a wrong Rake:Auth:LocalPasswords stops the start instead of the first sign-in.
        services.AddSingleton(new LocalPasswordPolicy(configuration));
        services.AddSingleton<PlatformAdminBootstrap>();
        services.AddRequestValidators(typeof(PeopleRegistration).Assembly);
        return services;
    }
}
