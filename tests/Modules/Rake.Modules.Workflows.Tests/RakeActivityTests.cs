using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Rake.Modules.Workflows.Engine;
using Rake.Workflows.Abstractions;

namespace Rake.Modules.Workflows.Tests;

/// <summary>The Rake activities of the Workflows and Reporting modules, run through the engine as a definition uses them.</summary>
public sealed class RakeActivityTests
{
    private static JsonObject Lit(object? value, string typeName = "String") =>
        new() { ["typeName"] = typeName, ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = JsonValue.Create(value) } };

    private static JsonObject Activity(string id, string type, params (string Name, JsonNode Value)[] inputs)
    {
        var activity = new JsonObject { ["id"] = id, ["type"] = type, ["version"] = 1 };
        foreach (var (name, value) in inputs)
        {
            activity[name] = value;
        }
        return activity;
    }

    private static WorkflowDefinition Definition(JsonObject[] activities, params (string From, string Port, string To)[] connections) =>
        WorkflowDefinition.Parse(new JsonObject
        {
            ["definitionId"] = "test",
            ["root"] = new JsonObject
            {
                ["id"] = "flow",
                ["type"] = "Elsa.Flowchart",
                ["version"] = 1,
                ["activities"] = new JsonArray(activities.Select(a => (JsonNode?)a).ToArray()),
                ["connections"] = new JsonArray(connections.Select(c => (JsonNode?)new JsonObject
                {
                    ["source"] = new JsonObject { ["activity"] = c.From, ["port"] = c.Port },
                    ["target"] = new JsonObject { ["activity"] = c.To, ["port"] = "In" },
                }).ToArray()),
            },
        }.ToJsonString());

    private static JsonObject Task(string id, string role, params (string Name, JsonNode Value)[] more) =>
        Activity(id, "Rake.Workflows.HumanTask", [("role", Lit(role)), ("title", Lit("Kokous")), ("description", Lit("Asialista")),
            .. more]);

    private static JsonObject WriteLine(string id, string text) => Activity(id, "Elsa.WriteLine", ("text", Lit(text)));

    private static async Task<WorkflowInstance> RunAsync(WorkflowDefinition definition, DateTimeOffset now)
    {
        var errors = RakeWorkflows.Publisher(TimeProvider.System).Validate(definition);
        Assert.Empty(errors);
        return await RakeWorkflows.Engine(new FakeTimeProvider(now)).StartAsync(definition, new RunOptions());
    }

    /// <summary>Runs the definition with the modules' services of <paramref name="region"/>, as the Host's timers do.</summary>
    private static async Task<WorkflowInstance> RunInRegionAsync(WorkflowDefinition definition, DateTimeOffset now, string region,
        Func<ModuleServices, Task>? arrange = null)
    {
        Assert.Empty(RakeWorkflows.Publisher(TimeProvider.System).Validate(definition));
        var clock = new FakeTimeProvider(now);
        await using var modules = await ModuleServices.CreateAsync(clock, region);
        if (arrange is not null)
        {
            await arrange(modules);
        }
        await using var scope = modules.Scope(region);
        return await RakeWorkflows.Engine(clock, scope.ServiceProvider).StartAsync(definition, new RunOptions());
    }

    [Fact]
    public async Task Human_task_creates_a_bookmark_for_the_role_due_at_the_end_of_a_Helsinki_calendar_day()
    {
        // 23:30 UTC on 28 March is already 29 March in Helsinki (01:30, before the switch to summer time at 03:00).
        var now = new DateTimeOffset(2026, 3, 28, 23, 30, 0, TimeSpan.Zero);
        var instance = await RunAsync(Definition([Task("t", "WorkingGroupMember", ("dueInDays", Lit(3, "Int32")))]), now);

        var bookmark = Assert.Single(instance.Bookmarks);
        Assert.Equal((BookmarkKind.HumanTask, "WorkingGroupMember"), (bookmark.Kind, bookmark.Name));
        Assert.Equal(new DateTimeOffset(2026, 4, 1, 23, 59, 59, TimeSpan.FromHours(3)), bookmark.DueAt);
        var payload = Assert.IsType<JsonObject>(bookmark.Payload);
        Assert.Equal("WorkingGroupMember", (string?)payload["role"]);
        Assert.Equal("Kokous", (string?)payload["title"]);
        Assert.Equal("Asialista", (string?)payload["description"]);
        Assert.Equal("2026-04-01", (string?)payload["dueDate"]);
        Assert.Equal("2026-04-01T23:59:59.0000000+03:00", (string?)payload["dueAt"]);
        Assert.Equal("[\"Done\"]", payload["outcomes"]!.ToJsonString());
        Assert.Equal(WorkflowSubStatus.Suspended, instance.SubStatus);
    }

    [Fact]
    public async Task Human_task_completes_on_Done_when_a_person_completes_it()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 2, 1, 6, 0, 0, TimeSpan.Zero));
        var engine = RakeWorkflows.Engine(clock);
        var instance = await engine.StartAsync(Definition([Task("t", "Supervisor"), WriteLine("after", "jatkuu")], ("t", "Done", "after")),
            new RunOptions());

        await engine.ResumeAsync(instance, instance.Bookmarks[0].Id, new JsonObject { ["completedBy"] = "maija", ["comment"] = "ok" });

        Assert.Equal(WorkflowSubStatus.Finished, instance.SubStatus);
        Assert.Equal(["jatkuu"], instance.Lines);
        Assert.Contains(instance.Journal, e => e.Message == "Task 'Kokous' completed by maija: Done.");
    }

    [Fact]
    public async Task Human_task_takes_the_outcome_the_person_chose_and_refuses_one_it_does_not_have()
    {
        var definition = Definition(
            [Task("t", "WorkingGroupMember", ("outcomes", new JsonObject { ["typeName"] = "String[]",
                ["expression"] = new JsonObject { ["type"] = "Object", ["value"] = "[\"Päivitettävä\"]" } })),
             WriteLine("done", "valmis"), WriteLine("update", "päivitetään")],
            ("t", "Done", "done"), ("t", "Päivitettävä", "update"));
        var engine = RakeWorkflows.Engine(new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 6, 0, 0, TimeSpan.Zero)));

        var chosen = await engine.StartAsync(definition, new RunOptions());
        Assert.Equal(["Done", "Päivitettävä"], ((JsonObject)chosen.Bookmarks[0].Payload!)["outcomes"]!.AsArray().Select(o => (string?)o));
        await engine.ResumeAsync(chosen, chosen.Bookmarks[0].Id, "Päivitettävä");
        Assert.Equal(["päivitetään"], chosen.Lines);

        var asJson = await engine.StartAsync(definition, new RunOptions());
        await engine.ResumeAsync(asJson, asJson.Bookmarks[0].Id,
            System.Text.Json.JsonDocument.Parse("{\"outcome\":\"Päivitettävä\"}").RootElement.Clone());
        Assert.Equal(["päivitetään"], asJson.Lines);

        var wrong = await engine.StartAsync(definition, new RunOptions());
        await engine.ResumeAsync(wrong, wrong.Bookmarks[0].Id, "Hylätty");
        Assert.Equal(WorkflowSubStatus.Faulted, wrong.SubStatus);
        Assert.Contains("has no outcome 'Hylätty'", wrong.Fault!.Message);
    }

    [Theory]
    [InlineData("2026-09-10T06:00:00Z", "08-31", "2027-08-31")]
    [InlineData("2026-08-01T06:00:00Z", "08-31", "2026-08-31")]
    [InlineData("2026-08-01T06:00:00Z", "2026-12-24", "2026-12-24")]
    public async Task Human_task_due_date_can_be_fixed_or_yearly(string now, string dueDate, string expected)
    {
        var instance = await RunAsync(Definition([Task("t", "Supervisor", ("dueDate", Lit(dueDate)))]), DateTimeOffset.Parse(now,
            System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, (string?)((JsonObject)instance.Bookmarks[0].Payload!)["dueDate"]);
    }

    [Fact]
    public void Human_task_and_notification_designs_are_checked_on_publish()
    {
        var definition = Definition(
            [Task("bad-role", "Johtaja"), Activity("no-title", "Rake.Workflows.HumanTask", ("role", Lit("Planner"))),
             Task("bad-due", "Planner", ("dueDate", Lit("31.8."))), Activity("bad-notify", "Rake.Workflows.SendNotification", ("role",
                 Lit("Kaikki")))],
            ("bad-role", "Hyväksytty", "no-title"));

        var result = RakeWorkflows.Publisher(TimeProvider.System).Publish(definition);

        Assert.False(result.Succeeded);
        var errors = result.ValidationErrors.Select(e => $"{e.ActivityId}: {e.Message}").ToList();
        Assert.Contains(errors, e => e.StartsWith("bad-role: 'Johtaja' is not a region role", StringComparison.Ordinal));
        Assert.Contains("no-title: A human task needs a title.", errors);
        Assert.Contains("bad-due: Due date '31.8.' is not yyyy-MM-dd or MM-dd.", errors);
        Assert.Contains(errors, e => e.StartsWith("bad-notify: 'Kaikki' is not a region role", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("bad-role: Activity 'bad-role' has no outcome port 'Hyväksytty'",
            StringComparison.Ordinal));
    }

    [Fact]
    public async Task Human_task_carries_its_swedish_and_english_texts_and_a_finnish_only_task_carries_none()
    {
        var now = new DateTimeOffset(2026, 2, 1, 6, 0, 0, TimeSpan.Zero);
        var bilingual = await RunAsync(Definition([Task("t", "SteeringGroupMember", ("titleSv", Lit("Möte")), ("titleEn", Lit("Meeting")),
            ("descriptionSv", Lit(" Föredragningslista ")), ("dueInDays", Lit(3, "Int32")))]), now);
        var finnish = await RunAsync(Definition([Task("t", "SteeringGroupMember", ("dueInDays", Lit(3, "Int32")))]), now);

        var payload = (JsonObject)bilingual.Bookmarks[0].Payload!;
        static string Versions(JsonNode? versions) =>
            string.Join("|", versions!.AsObject().Select(p => $"{p.Key}={(string?)p.Value}"));
        Assert.Equal("fi=Kokous|sv=Möte|en=Meeting", Versions(payload["titles"]));
        // A language left out is left out; the reader of English gets the Finnish description.
        Assert.Equal("fi=Asialista|sv=Föredragningslista", Versions(payload["descriptions"]));
        var old = (JsonObject)finnish.Bookmarks[0].Payload!;
        Assert.Null(old["titles"]);
        Assert.Null(old["descriptions"]);
        Assert.Equal("Kokous", (string?)old["title"]);
    }

    [Fact]
    public void Language_versions_of_a_task_are_checked_on_publish()
    {
        var definition = Definition(
        [
            Task("blank", "Planner", ("titleSv", Lit("  ")), ("dueInDays", Lit(3, "Int32"))),
            Task("long", "Planner", ("descriptionEn", Lit(new string('x', 4001))), ("dueInDays", Lit(3, "Int32"))),
            Activity("orphan", "Rake.Workflows.HumanTask", ("role", Lit("Planner")), ("titleEn", Lit("Meeting"))),
            Activity("agenda", "Rake.WorkingGroup.AddAgendaItem", ("body", Lit("WorkingGroup")), ("title", Lit("Kooste")),
                ("titleSv", Lit(""))),
            Task("fine", "Planner", ("titleSv", Lit("Möte")), ("titleEn", Lit("Meeting")), ("dueInDays", Lit(3, "Int32"))),
        ]);

        var errors = RakeWorkflows.Publisher(TimeProvider.System).Publish(definition).ValidationErrors
            .Select(e => $"{e.ActivityId}: {e.Message}").ToList();

        Assert.Contains("blank: The title in 'sv' is empty: give the text or remove the input.", errors);
        Assert.Contains("long: The description in 'en' is longer than 4000 characters.", errors);
        Assert.Contains("orphan: The title in 'en' has no Finnish title to translate.", errors);
        Assert.Contains("agenda: The title in 'sv' is empty: give the text or remove the input.", errors);
        Assert.DoesNotContain(errors, e => e.StartsWith("fine:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Send_notification_records_the_message_for_the_role()
    {
        var notify = Activity("n", "Rake.Workflows.SendNotification", ("role", Lit("Professional")), ("message", Lit("Tiedonkeruu alkoi")),
            ("notification", new JsonObject { ["typeName"] = "Object", ["memoryReference"] = new JsonObject { ["id"] = "sent" } }));

        var instance = await RunAsync(Definition([notify]), new DateTimeOffset(2026, 1, 1, 6, 0, 0, TimeSpan.Zero));

        Assert.Equal(WorkflowSubStatus.Finished, instance.SubStatus);
        Assert.Contains(instance.Journal, e => e.Event == "Journal" && e.Message == "Notification to Professional: Tiedonkeruu alkoi");
        var sent = (JsonNode)instance.Output["sent"]!;
        Assert.Equal(("Professional", "Tiedonkeruu alkoi", "2026-01-01T06:00:00.0000000+00:00"), ((string?)sent["role"],
            (string?)sent["message"], (string?)sent["at"]));
    }

    [Theory]
    [InlineData("2026-06-01T06:00:00Z", "previous half-year", 12, "2026-H1", "2025-12-01", "2026-05-31")]
    [InlineData("2026-12-01T06:00:00Z", "previous half-year", 12, "2026-H2", "2026-06-01", "2026-11-30")]
    [InlineData("2026-01-15T06:00:00Z", "current half-year", 12, "2026-H1", "2025-12-01", "2026-05-31")]
    [InlineData("2026-04-01T06:00:00Z", "interim Q1", 1, "2026-Q1", "2026-01-01", "2026-03-31")]
    [InlineData("2026-10-01T06:00:00Z", "Interim Q3", 1, "2026-Q3", "2026-01-01", "2026-09-30")]
    [InlineData("2026-01-01T06:00:00Z", "previous year", 1, "2025", "2025-01-01", "2025-12-31")]
    [InlineData("2026-12-31T22:30:00Z", "current year", 1, "2027", "2027-01-01", "2027-12-31")]
    [InlineData("2026-03-01T06:00:00Z", "2026-Q3", 1, "2026-Q3", "2026-01-01", "2026-09-30")]
    [InlineData("2026-03-01T06:00:00Z", "2026-H2", 12, "2026-H2", "2026-06-01", "2026-11-30")]
    public async Task Compile_period_summary_resolves_and_emits_the_period(string now, string period, int firstMonth, string label,
        string from, string to)
    {
        static JsonObject Bind(string id) => new() { ["typeName"] = "String", ["memoryReference"] = new JsonObject { ["id"] = id } };
        var compile = Activity("c", "Rake.Reporting.CompilePeriodSummary", ("period", Lit(period)), ("periodStartMonth", Lit(firstMonth,
            "Int32")),
            ("periodLabel", Bind("label")), ("periodStart", Bind("from")), ("periodEnd", Bind("to")));

        var region = firstMonth == 12 ? "kymenlaakso" : "kainuu";
        var instance = await RunInRegionAsync(Definition([compile]), DateTimeOffset.Parse(now,
            System.Globalization.CultureInfo.InvariantCulture),
            region);

        Assert.Equal(WorkflowSubStatus.Finished, instance.SubStatus);
        Assert.Equal((label, from, to), ((string?)instance.Output["label"], (string?)instance.Output["from"],
            (string?)instance.Output["to"]));
        Assert.Contains(instance.Journal, e => e.Event == "Journal" && e.Message == $"Period to compile: {label} ({from} – {to}).");
    }

    [Fact]
    public async Task Compile_period_summary_compiles_the_regions_reports_of_the_period()
    {
        static JsonObject Bind(string id) => new() { ["typeName"] = "Object", ["memoryReference"] = new JsonObject { ["id"] = id } };
        var compile = Activity("c", "Rake.Reporting.CompilePeriodSummary", ("period", Lit("interim Q1")),
            ("reportCount", Bind("count")), ("counts", Bind("counts")));
        var received = new[] { new DateTimeOffset(2026, 1, 10, 8, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 31, 20, 0, 0,
            TimeSpan.Zero),
            new DateTimeOffset(2026, 3, 31, 22, 30, 0, TimeSpan.Zero) };

        var instance = await RunInRegionAsync(Definition([compile]), new DateTimeOffset(2026, 4, 1, 6, 0, 0, TimeSpan.Zero), "kainuu",
            modules => modules.AddReportsAsync("kainuu", received));

        // 22:30 UTC on 31 March is already April in Helsinki: two of the three reports fall in January–March.
        Assert.Equal(WorkflowSubStatus.Finished, instance.SubStatus);
        Assert.Equal(2, AsJson(instance.Output["count"]).GetValue<int>());
        var counts = AsJson(instance.Output["counts"]);
        Assert.Equal(2, (int)counts["byType"]!["Negative"]!);
        Assert.Equal(2, (int)counts["byCategory"]!["housing"]!);
        Assert.Contains(instance.Journal, e => e.Event == "Journal" && e.Message == "Compiled 2026-Q1: 2 reports.");
    }

    [Fact]
    public async Task Compile_period_summary_compiles_only_the_reports_of_the_chosen_category_and_service_area()
    {
        static JsonObject Bind(string id) => new() { ["typeName"] = "Object", ["memoryReference"] = new JsonObject { ["id"] = id } };
        static JsonObject Compile(params (string Name, JsonNode Value)[] filters) => Activity("c", "Rake.Reporting.CompilePeriodSummary",
            [("period", Lit("2026-Q1")), ("reportCount", Bind("count")), ("counts", Bind("counts")), .. filters]);
        var at = new DateTimeOffset(2026, 2, 10, 8, 0, 0, TimeSpan.Zero);
        var now = new DateTimeOffset(2026, 4, 1, 6, 0, 0, TimeSpan.Zero);
        async Task Seed(ModuleServices modules)
        {
            // Four reports: adults/housing, families/housing+income, families/income, elderly/housing.
            await modules.AddReportsAsync("kainuu", at, at, at, at);
            await using var scope = modules.Scope("kainuu", "test");
            var db = scope.ServiceProvider.GetRequiredService<Rake.Modules.Reporting.Persistence.ReportingDbContext>();
            var reports = await db.Reports.Include(r => r.Categories).OrderBy(r => r.Number).ToListAsync();
            (string Area, string[] Categories)[] shapes =
                [("adults", ["housing"]), ("families", ["housing", "income"]), ("families", ["income"]), ("elderly", ["housing"])];
            foreach (var (report, shape) in reports.Zip(shapes))
            {
                report.ServiceArea = shape.Area;
                report.Categories.RemoveAll(c => !shape.Categories.Contains(c.Code));
                report.Categories.AddRange(shape.Categories.Where(c => report.Categories.All(k => k.Code != c))
                    .Select(c => new Rake.Modules.Reporting.Domain.ReportCategory { ReportId = report.Id, Code = c }).ToList());
            }
            await db.SaveChangesAsync();
        }

        var families = await RunInRegionAsync(Definition([Compile(("serviceArea", Lit("families")))]), now, "kainuu", Seed);
        Assert.Equal(WorkflowSubStatus.Finished, families.SubStatus);
        Assert.Equal(2, AsJson(families.Output["count"]).GetValue<int>());
        var counts = AsJson(families.Output["counts"]);
        Assert.Equal(2, (int)counts["byType"]!["Negative"]!);
        Assert.Equal(0, (int)counts["byType"]!["Positive"]!);
        Assert.Equal(2, (int)counts["byCategory"]!["income"]!);
        Assert.Equal(1, (int)counts["byCategory"]!["housing"]!);
        Assert.Contains(families.Journal,
            e => e.Event == "Journal" && e.Message == "Compiled 2026-Q1 (service area families): 2 of 4 reports.");

        var housing = await RunInRegionAsync(Definition([Compile(("category", Lit("housing")))]), now, "kainuu", Seed);
        Assert.Equal(3, AsJson(housing.Output["count"]).GetValue<int>());

        var both = await RunInRegionAsync(Definition([Compile(("category", Lit("housing")), ("serviceArea", Lit("families")))]), now,
            "kainuu", Seed);
        Assert.Equal(1, AsJson(both.Output["count"]).GetValue<int>());
        Assert.Equal(1, (int)AsJson(both.Output["counts"])["byCategory"]!["income"]!);

        var none = await RunInRegionAsync(Definition([Compile(("serviceArea", Lit("")))]), now, "kainuu", Seed);
        Assert.Equal(4, AsJson(none.Output["count"]).GetValue<int>());

        // A code computed at run time that the region does not have faults naming the input, rather than compiling nothing.
        var script = new JsonObject
        {
            ["typeName"] = "String",
            ["expression"] = new JsonObject { ["type"] = "JavaScript", ["value"] = "'nuoret'" },
        };
        var unknown = await RunInRegionAsync(Definition([Compile(("serviceArea", script))]), now, "kainuu", Seed);
        Assert.Equal(WorkflowSubStatus.Faulted, unknown.SubStatus);
        Assert.StartsWith("Input 'serviceArea' is 'nuoret', which is not a service area of this region (adults, ", unknown.Fault!.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compile_period_summary_faults_on_a_half_year_the_regions_reporting_periods_do_not_have()
    {
        // Kainuu reports by calendar year: a half-year from January resolves, but the region has no such period.
        var compile = Activity("c", "Rake.Reporting.CompilePeriodSummary", ("period", Lit("previous half-year")));

        var instance = await RunInRegionAsync(Definition([compile]), new DateTimeOffset(2026, 7, 1, 6, 0, 0, TimeSpan.Zero), "kainuu");

        Assert.Equal(WorkflowSubStatus.Faulted, instance.SubStatus);
        Assert.Equal("The region's reporting periods have no period '2026-H1': check the first month of the half-year (1).",
            instance.Fault!.Message);
        Assert.Contains(instance.Journal,
            e => e.Event == "Journal" && e.Message == "Period to compile: 2026-H1 (2026-01-01 – 2026-06-30).");
    }

    [Fact]
    public async Task A_module_activity_run_without_the_modules_services_faults_instead_of_pretending()
    {
        var compile = Activity("c", "Rake.Reporting.CompilePeriodSummary", ("period", Lit("2026")));

        var instance = await RunAsync(Definition([compile]), new DateTimeOffset(2026, 7, 1, 6, 0, 0, TimeSpan.Zero));

        Assert.Equal(WorkflowSubStatus.Faulted, instance.SubStatus);
        Assert.Contains(nameof(Rake.Modules.Reporting.Contracts.IReportingApi), instance.Fault!.Message, StringComparison.Ordinal);
    }

    private static JsonNode AsJson(object? value) => JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(value))!;

    [Fact]
    public async Task Compile_period_summary_refuses_a_period_it_cannot_read()
    {
        var bad = Definition([Activity("c", "Rake.Reporting.CompilePeriodSummary", ("period", Lit("kevät")))]);
        Assert.Contains("c: 'kevät' is not a reporting period.",
            RakeWorkflows.Publisher(TimeProvider.System).Validate(bad).Select(e => $"{e.ActivityId}: {e.Message}"));

        var badMonth = Definition([Activity("c", "Rake.Reporting.CompilePeriodSummary", ("period", Lit("2026-H1")), ("periodStartMonth",
            Lit(13, "Int32")))]);
        Assert.Contains("c: The first month of the half-year must be 1–12, not 13.",
            RakeWorkflows.Publisher(TimeProvider.System).Validate(badMonth).Select(e => $"{e.ActivityId}: {e.Message}"));

        // An expression the publisher cannot check faults at run time, naming the value.
        var script = new JsonObject
        {
            ["typeName"] = "String",
            ["expression"] = new JsonObject
            {
                ["type"] = "JavaScript",
                ["value"] = "'syksy'"
            }
        };
        var instance = await RakeWorkflows.Engine(TimeProvider.System).StartAsync(Definition([Activity("c",
            "Rake.Reporting.CompilePeriodSummary", ("period", script))]), new RunOptions());
        Assert.Equal(WorkflowSubStatus.Faulted, instance.SubStatus);
        Assert.StartsWith("'syksy' is not a reporting period", instance.Fault!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notify_reporter_gives_each_reporter_of_the_period_a_notice_and_leaves_other_periods_alone()
    {
        var notify = Activity("r", "Rake.Reporting.NotifyReporter", ("message", Lit("Kooste julkaistu")), ("period", Lit("2026-H1")),
            ("notice", new JsonObject { ["typeName"] = "String", ["memoryReference"] = new JsonObject { ["id"] = "notice" } }));
        var inPeriod = new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
        var after = new DateTimeOffset(2026, 7, 2, 8, 0, 0, TimeSpan.Zero);
        List<Guid> reporters = [];

        var instance = await RunInRegionAsync(Definition([notify]), new DateTimeOffset(2026, 8, 1, 6, 0, 0, TimeSpan.Zero), "kainuu",
            async modules =>
            {
                await modules.AddReportsAsync("kainuu", inPeriod, inPeriod, after);
                await using var scope = modules.Scope("kainuu", "test");
                var db = scope.ServiceProvider.GetRequiredService<Rake.Modules.Reporting.Persistence.ReportingDbContext>();
                foreach (var report in await db.Reports.ToListAsync())
                {
                    report.ReporterId = Guid.NewGuid();
                    reporters.Add(report.ReporterId);
                }
                await db.SaveChangesAsync();
            });

        Assert.Equal(WorkflowSubStatus.Finished, instance.SubStatus);
        Assert.Equal("Reporters of 2 reports of 2026-H1 informed: Kooste julkaistu", instance.Output["notice"]);
        Assert.Contains("r: The message to the reporters is missing.",
            RakeWorkflows.Publisher(TimeProvider.System).Validate(Definition([Activity("r",
                "Rake.Reporting.NotifyReporter")])).Select(e => $"{e.ActivityId}: {e.Message}"));
    }

    [Fact]
    public async Task Notify_reporter_without_the_reporting_services_faults_instead_of_pretending_to_send()
    {
        var notify = Activity("r", "Rake.Reporting.NotifyReporter", ("message", Lit("Kooste julkaistu")), ("period", Lit("2026-H1")));

        var instance = await RunAsync(Definition([notify]), new DateTimeOffset(2026, 6, 1, 6, 0, 0, TimeSpan.Zero));

        Assert.Equal(WorkflowSubStatus.Faulted, instance.SubStatus);
    }

    [Fact]
    public void The_module_activities_are_found_when_the_registry_scans_their_assemblies()
    {
        string[] rake = ["Rake.Workflows.HumanTask", "Rake.Workflows.SendNotification", "Rake.Reporting.CompilePeriodSummary",
            "Rake.Reporting.NotifyReporter"];

        Assert.All(rake, type => Assert.True(RakeWorkflows.Registry.IsKnownType(type), type));
        // The default registry scans only the Workflows assembly: the Host must pass the modules' assemblies.
        Assert.True(ActivityRegistry.Default.IsKnownType("Rake.Workflows.HumanTask"));
        Assert.False(ActivityRegistry.Default.IsKnownType("Rake.Reporting.CompilePeriodSummary"));
        var humanTask = RakeWorkflows.Registry.Find("Rake.Workflows.HumanTask", 1)!;
        Assert.Equal(["role", "title", "description", "titleSv", "titleEn", "descriptionSv", "descriptionEn", "dueInDays", "dueDate",
            "outcomes"], humanTask.Inputs.Select(i => i.Name));
        Assert.Equal(["outcome", "completedBy", "comment"], humanTask.Outputs.Select(o => o.Name));
    }
}
