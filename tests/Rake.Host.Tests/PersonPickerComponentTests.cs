using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Radzen;
using Radzen.Blazor;
using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Localization;
using Rake.BuildingBlocks.Regions;
using Rake.BuildingBlocks.Ui;

namespace Rake.Host.Tests;

/// <summary>The person picker in bUnit, over a directory of two regions: it searches the signed-in person's region only.</summary>
public sealed class PersonPickerComponentTests : IDisposable
{
    private static readonly RegionId Kainuu = new("kainuu");
    private static readonly RegionId Kymenlaakso = new("kymenlaakso");
    private static readonly Guid AdminId = Guid.NewGuid();

    private readonly BunitContext context = new();
    private readonly People people = new();

    public PersonPickerComponentTests()
    {
        context.Services.AddRadzenComponents();
        context.Services.AddSingleton(new TextCatalog([typeof(TextCatalog).Assembly]));
        context.Services.AddSingleton<IRegionAccess>(new OneRegionAccess(Kainuu));
        context.Services.AddSingleton<IRegionPeopleFinder>(people);
        context.Services.AddSingleton<IUserDirectory>(people);
        var auth = context.AddAuthorization();
        auth.SetAuthorized("kainuu-regionadmin");
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, AdminId.ToString()));
        // Both read the service provider, after which bUnit takes no more registrations.
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    private TextCatalog Texts => context.Services.GetRequiredService<TextCatalog>();

    public void Dispose() => context.Dispose();

    [Fact]
    public void It_renders_a_labelled_search_box_and_an_empty_choice()
    {
        var picker = Render("kainuu");

        Assert.Equal("true", picker.Find(".rake-person-picker").GetAttribute("data-live"));
        var input = picker.Find("input#userName");
        Assert.Contains("userName-hint", input.GetAttribute("aria-describedby"));
        Assert.Equal("", picker.Find("input[type=hidden][name=supervisorUserName]").GetAttribute("value") ?? "");
        Assert.Contains(Texts["ui.picker.noneChosen"], picker.Find("#userName-chosen").TextContent);
    }

    [Fact]
    public async Task A_name_typed_is_searched_in_the_region_and_the_chosen_user_name_goes_into_the_form()
    {
        var picker = Render("kainuu");
        var box = picker.FindComponent<RadzenAutoComplete>();

        await picker.InvokeAsync(() => box.Instance.LoadData.InvokeAsync(new LoadDataArgs { Filter = "kaija" }));

        var search = Assert.Single(people.Searches);
        Assert.Equal((Kainuu, "kaija", RegionRole.Supervisor), search);
        var offered = Assert.IsAssignableFrom<IEnumerable<PersonPicker.PersonOption>>(box.Instance.Data).ToList();
        Assert.Equal(["Kaija Kollega (kainuu-kaija)"], offered.Select(o => o.Label));

        await picker.InvokeAsync(() => box.Instance.SelectedItemChanged.InvokeAsync(offered[0]));
        picker.WaitForAssertion(() =>
            Assert.Equal("kainuu-kaija", picker.Find("input[type=hidden][name=supervisorUserName]").GetAttribute("value")));
        Assert.Contains("Kaija Kollega (kainuu-kaija)", picker.Find("#userName-chosen").TextContent);
    }

    [Fact]
    public async Task Typing_after_a_choice_takes_the_choice_back()
    {
        var picker = Render("kainuu", value: "kainuu-kaija");
        Assert.Equal("kainuu-kaija", picker.Find("input[type=hidden]").GetAttribute("value"));

        var box = picker.FindComponent<RadzenAutoComplete>();
        await picker.InvokeAsync(() => box.Instance.ValueChanged.InvokeAsync("Kaija K"));

        picker.WaitForAssertion(() => Assert.Equal("", picker.Find("input[type=hidden]").GetAttribute("value") ?? ""));
    }

    [Fact]
    public void A_region_the_person_holds_no_role_in_gives_no_search_and_no_earlier_choice()
    {
        var picker = Render("kymenlaakso", value: "kymenlaakso-kalle");

        Assert.Empty(picker.FindComponents<RadzenAutoComplete>());
        Assert.True(picker.Find("input#userName").HasAttribute("disabled"));
        Assert.Equal("", picker.Find("input[type=hidden]").GetAttribute("value") ?? "");
        Assert.Equal("false", picker.Find(".rake-person-picker").GetAttribute("data-live"));
        Assert.Empty(people.Searches);
    }

    [Fact]
    public void An_earlier_choice_of_someone_without_a_role_in_the_region_is_not_shown_again()
    {
        // kymenlaakso-kalle exists, but holds his role in the other region.
        var picker = Render("kainuu", value: "kymenlaakso-kalle");

        Assert.Equal("", picker.Find("input[type=hidden]").GetAttribute("value") ?? "");
    }

    private IRenderedComponent<PersonPicker> Render(string region, string? value = null) =>
        context.Render<PersonPicker>(p => p
            .Add(x => x.Region, region)
            .Add(x => x.Id, "userName")
            .Add(x => x.Name, "supervisorUserName")
            .Add(x => x.Role, RegionRole.Supervisor)
            .Add(x => x.DescribedBy, "userName-hint")
            .Add(x => x.Value, value));

    /// <summary>The signed-in person holds a role in one region only.</summary>
    private sealed class OneRegionAccess(RegionId granted) : IRegionAccess
    {
        public IReadOnlyList<RegionInfo> Regions { get; } =
            [new(Kainuu, "Kainuu", "Kajanaland", "Kainuu"), new(Kymenlaakso, "Kymenlaakso", "Kymmenedalen", "Kymenlaakso")];

        public RegionInfo? Find(string regionCode) => Regions.FirstOrDefault(r => r.Id.Code == regionCode);

        public Task<RegionAccess> ResolveAsync(ClaimsPrincipal user, string regionCode, CancellationToken cancellationToken) =>
            Task.FromResult(regionCode == granted.Code
                ? new RegionAccess(RegionAccessOutcome.Granted, granted, AdminId, user.Identity!.Name,
                    new HashSet<RegionRole> { RegionRole.RegionAdmin })
                : new RegionAccess(RegionAccessOutcome.NoRoleInRegion, new RegionId(regionCode), AdminId, user.Identity!.Name,
                    new HashSet<RegionRole>()));

        public Task<IReadOnlyList<RegionInfo>> RegionsOfAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<RegionInfo>>([Regions[0]]);
    }

    /// <summary>Two supervisors in two regions; records every search.</summary>
    private sealed class People : IRegionPeopleFinder, IUserDirectory
    {
        private readonly List<(UserRef User, RegionId Region)> all =
        [
            (new UserRef(Guid.NewGuid(), "kainuu-kaija", "Kaija Kollega", null), Kainuu),
            (new UserRef(Guid.NewGuid(), "kymenlaakso-kalle", "Kaija Kymenlaaksosta", null), Kymenlaakso),
        ];

        public List<(RegionId Region, string Text, RegionRole? Role)> Searches { get; } = [];

        public Task<IReadOnlyList<UserRef>> FindByNameAsync(
            RegionId region, string text, RegionRole? role, int max, CancellationToken cancellationToken)
        {
            Searches.Add((region, text, role));
            return Task.FromResult<IReadOnlyList<UserRef>>(all
                .Where(p => p.Region == region && p.User.DisplayName.Contains(text, StringComparison.OrdinalIgnoreCase))
                .Select(p => p.User).Take(max).ToList());
        }

        public Task<UserRef?> FindByUserNameAsync(string userName, CancellationToken cancellationToken) =>
            Task.FromResult(all.Select(p => p.User).FirstOrDefault(u => u.UserName == userName));

        public Task<UserRef?> FindByIdAsync(Guid userId, CancellationToken cancellationToken) =>
            Task.FromResult(all.Select(p => p.User).FirstOrDefault(u => u.Id == userId));

        public Task<IReadOnlyList<UserRef>> UsersInRoleAsync(RegionId region, RegionRole role, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<UserRef>>(all.Where(p => p.Region == region).Select(p => p.User).ToList());

        public Task<IReadOnlySet<RegionRole>> RolesAsync(Guid userId, RegionId region, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlySet<RegionRole>>(all.Any(p => p.User.Id == userId && p.Region == region)
                ? new HashSet<RegionRole> { RegionRole.Supervisor }
                : new HashSet<RegionRole>());
    }
}
