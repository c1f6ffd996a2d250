using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Rake.Host.Platform;

namespace Rake.Host.Tests;

/// <summary>Steps shared by the notice tests of the mail host: deliver, read the sink, make a supervisor.</summary>
internal sealed class MailSteps(MailHost mail)
{
    public static string Api(string region) => $"/api/v1/regions/{region}";

    public List<SinkMessage> Received(string to) => mail.Sink.Messages().Where(m => m.Recipients.Contains(to)).ToList();

    public async Task DeliverAsync()
    {
        await mail.Host.DeliverEventsAsync();
        await mail.Host.DeliverEventsAsync();
        await mail.DeliverMailAsync();
    }

    /// <summary>A new account with the Supervisor role in <paramref name="region"/>; its e-mail is userName@example.invalid.</summary>
    public async Task<(Guid Id, string UserName, string DisplayName)> SupervisorAsync(string region)
    {
        var (id, userName) = await mail.Host.CreateAccountAsync("sup");
        var displayName = $"Esihenkilö {userName[^6..]}";
        await using (var scope = mail.Host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<RakeUser>>();
            var user = (await users.FindByIdAsync(id.ToString()))!;
            user.DisplayName = displayName;
            Assert.True((await users.UpdateAsync(user)).Succeeded);
        }
        using var admin = await mail.Host.ClientFor($"{region}-regionadmin");
        var given = await admin.PostAsJsonAsync($"{Api(region)}/people/{id}/roles", new { role = "Supervisor" });
        Assert.True(given.IsSuccessStatusCode, await given.Content.ReadAsStringAsync());
        return (id, userName, displayName);
    }
}
