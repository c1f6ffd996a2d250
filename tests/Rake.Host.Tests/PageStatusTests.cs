using System.Net;

namespace Rake.Host.Tests;

/// <summary>A region page that cannot be shown still explains why, and its status code says the same.</summary>
[Collection(SharedHostCollection.Name)]
public sealed class PageStatusTests(SharedHost shared)
{
    private RakeTestHost Host => shared.Host;

    [Fact]
    public async Task An_unknown_region_is_404_another_regions_page_403_and_ones_own_200()
    {
        var cookie = await CookieSignIn.CookieAsync(Host.BaseAddress, "kainuu-professional");
        using var client = CookieSignIn.WithCookie(Host.BaseAddress, cookie);

        var own = await client.GetAsync("/kainuu/reports/new");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);

        var other = await client.GetAsync("/kymenlaakso/reports/new");
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Contains("role=\"alert\"", await other.Content.ReadAsStringAsync());

        // A path that is no region, such as /metrics when metrics are off, is not found rather than an empty 200 page.
        var unknown = await client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("<h1", await unknown.Content.ReadAsStringAsync());

        // A page of one's own region that needs a role one lacks.
        var admin = await client.GetAsync("/kainuu/admin/people");
        Assert.Equal(HttpStatusCode.Forbidden, admin.StatusCode);
    }
}
