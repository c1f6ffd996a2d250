using System.Data.Common;
using Npgsql;
using NpgsqlTypes;
using Rake.BuildingBlocks.Regions;

namespace Rake.Benchmarks;

/// <summary>One generated social report (only what the summary reads, plus the required columns).</summary>
internal sealed record GeneratedReport(
    Guid Id, string Region, int Number, DateTimeOffset ReceivedAt, string PhenomenonType, string Title, string Description, string Proposal,
    string? TriedAlready, string ServiceArea, string Municipality, string TargetGroup, string Status, int Reporter, string[] Categories);

/// <summary>
/// Deterministic benchmark data: reports spread evenly over four reporting years (1.12.2022-30.11.2026, Helsinki time),
/// three phenomenon types, ten categories (one to three per report), five service areas and the region's municipalities.
/// Written with raw SQL in one transaction (SQLite) or binary COPY (PostgreSQL): EF's SaveChanges would add an audit row
/// per entity and needs a request context, and is not what is measured here.
/// </summary>
internal static class ReportGenerator
{
    public static readonly DateOnly FirstDay = new(2022, 12, 1);
    public static readonly DateOnly EndDay = new(2026, 12, 1);

    private static readonly string[] CategoryCodes = ["needs", "wellbeing", "services", "signals", "practices", "housing", "income", "substance", "mental-health", "loneliness"];
    private static readonly int[] CategoryWeights = [14, 10, 12, 6, 5, 16, 12, 9, 11, 5];
    private static readonly string[] ServiceAreas = ["adults", "families", "disability", "elderly", "student-welfare"];
    private static readonly int[] ServiceAreaWeights = [35, 25, 12, 20, 8];
    private static readonly string[] TargetGroups = ["children-youth", "families", "working-age", "older-people", "disabled"];
    private static readonly string[] Statuses = ["Received", "WithSupervisor", "ToWorkingGroup", "Decided", "Published", "Closed"];

    private static readonly Dictionary<string, string[]> Municipalities = new()
    {
        ["kymenlaakso"] = ["hamina", "kotka", "kouvola", "miehikkala", "pyhtaa", "virolahti"],
        ["kainuu"] = ["hyrynsalmi", "kajaani", "kuhmo", "paltamo", "puolanka", "ristijarvi", "sotkamo", "suomussalmi"],
    };

    private static readonly int[] MunicipalityWeights = [14, 30, 38, 4, 8, 6, 3, 5];

    private static readonly string[] Topics =
    [
        "Asumisen tuen jonot pitenevät", "Nuorten päihteiden käyttö lisääntyy", "Ikääntyneiden yksinäisyys korostuu",
        "Toimeentulotuen käsittelyajat venyvät", "Perheiden taloudellinen ahdinko", "Mielenterveyspalveluihin pääsy viivästyy",
        "Vammaispalvelujen kuljetukset eivät toimi", "Opiskelijoiden jaksaminen heikkenee", "Hyvä käytäntö: yhteinen vastaanotto",
    ];

    private static readonly string[] Descriptions =
    [
        "Asiakastyössä on toistuvasti havaittu, että hakemukset jäävät pitkiksi ajoiksi käsittelyyn. Tilapäisratkaisuja joudutaan käyttämään " +
        "viikkojen ajan, ja samalla muu tuki viivästyy. Ilmiö koskee erityisesti niitä, joiden tukiverkosto on ohut.",
        "Useat työntekijät ovat kuvanneet saman ilmiön: palveluun ohjautuu aiempaa enemmän asiakkaita, joiden tilanne on ehtinyt kriisiytyä. " +
        "Varhaisen tuen kanavat eivät tavoita heitä, ja tieto palveluista kulkee heikosti. Tilanne näkyy sekä kaupungissa että pienissä kunnissa.",
        "Ilmiö on noussut esiin tiimipalavereissa koko vuoden ajan. Asiakkaat kertovat, etteivät he tiedä, mihin ottaa yhteyttä, ja " +
        "yhteydenotot kulkevat usean luukun kautta. Palvelujen yhteensovittaminen vie työntekijöiltä aikaa, joka on pois asiakastyöstä.",
        "Havainto perustuu useaan asiakastilanteeseen eri toimipisteissä. Kustannukset ovat nousseet nopeammin kuin tuet, ja yhä useampi " +
        "joutuu valitsemaan välttämättömien menojen välillä. Velkaantuminen ja sen seuraukset näkyvät myös lasten arjessa.",
    ];

    private static readonly string[] Proposals =
    [
        "Ehdotetaan yhteistä jonon seurantaa ja selkeää vastuuhenkilöä kiireellisille tilanteille.",
        "Ehdotetaan matalan kynnyksen yhteistä vastaanottoa, jossa sosiaalityö ja terveyspalvelut ovat samassa paikassa.",
        "Palveluohjausta tulee vahvistaa ja tiedottaa palveluista selkokielellä myös ruotsiksi.",
        "Asiasta tulee koota tilannekuva ja viedä se hyvinvointialueen johtoryhmän käsittelyyn.",
        "Hyvä käytäntö kannattaa levittää koko alueelle ja kirjata yhteiseksi toimintamalliksi.",
    ];

    public static List<GeneratedReport> Generate(string region, int count, int seed)
    {
        var random = new Random(seed);
        var start = Helsinki.StartOf(FirstDay).ToUniversalTime();
        var spanMs = (long)(Helsinki.StartOf(EndDay) - Helsinki.StartOf(FirstDay)).TotalMilliseconds;
        var municipalities = Municipalities[region];
        var instants = Enumerable.Range(0, count).Select(_ => start.AddMilliseconds(random.NextInt64(spanMs))).Order().ToList();
        var reports = new List<GeneratedReport>(count);
        for (var i = 0; i < count; i++)
        {
            var at = instants[i];
            var typeRoll = random.Next(100);
            var categoryCount = 1 + Math.Min(random.Next(4), 2);
            var categories = new HashSet<string>();
            while (categories.Count < categoryCount)
            {
                categories.Add(Pick(random, CategoryCodes, CategoryWeights));
            }
            var municipality = Pick(random, municipalities, MunicipalityWeights);
            reports.Add(new GeneratedReport(
                Guid.CreateVersion7(at), region, i + 1, at,
                typeRoll < 60 ? "Negative" : typeRoll < 85 ? "Positive" : "Other",
                $"{Topics[random.Next(Topics.Length)]} ({municipality})",
                Descriptions[random.Next(Descriptions.Length)],
                Proposals[random.Next(Proposals.Length)],
                random.Next(3) == 0 ? null : "Asiaa on käsitelty tiimissä ja yhteistyöpalaverissa.",
                Pick(random, ServiceAreas, ServiceAreaWeights), municipality, TargetGroups[random.Next(TargetGroups.Length)],
                Statuses[random.Next(Statuses.Length)], random.Next(40), [.. categories]));
        }
        return reports;
    }

    private static string Pick(Random random, string[] values, int[] weights)
    {
        var total = weights.Take(values.Length).Sum();
        var roll = random.Next(total);
        for (var i = 0; i < values.Length; i++)
        {
            roll -= weights[i];
            if (roll < 0)
            {
                return values[i];
            }
        }
        return values[^1];
    }

    /// <summary>A stable made-up user id per region and number (the summary never reads it).</summary>
    private static Guid UserId(string region, int n) => new($"{region.Sum(c => c):x8}-0000-7000-8000-{n:x12}");

    private static readonly string[] ReportColumns =
    [
        "Id", "RegionCode", "Number", "ReceivedAt", "ReporterId", "ReporterUserName", "ReporterName", "PhenomenonType", "Title", "Description",
        "Proposal", "TriedAlready", "ServiceArea", "Municipality", "TargetGroup", "SupervisorId", "SupervisorUserName", "SupervisorName",
        "Language", "Status", "WarningsConfirmed",
    ];

    private static readonly string[] CategoryColumns = ["ReportId", "Code", "RegionCode"];

    /// <summary>Writes the reports and their categories on an open connection; returns the number of category rows.</summary>
    public static async Task<int> InsertAsync(DbConnection connection, BenchDatabase database, IReadOnlyList<GeneratedReport> reports)
    {
        var reportsTable = database.Table("reporting", "SocialReports");
        var categoriesTable = database.Table("reporting", "ReportCategories");
        string Columns(string[] names) => string.Join(", ", names.Select(n => $"\"{n}\""));
        var categoryRows = 0;

        if (connection is NpgsqlConnection postgres)
        {
            await using (var copy = await postgres.BeginBinaryImportAsync($"COPY {reportsTable} ({Columns(ReportColumns)}) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var r in reports)
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync(r.Id, NpgsqlDbType.Uuid);
                    await copy.WriteAsync(r.Region, NpgsqlDbType.Varchar);
                    await copy.WriteAsync(r.Number, NpgsqlDbType.Integer);
                    await copy.WriteAsync(r.ReceivedAt, NpgsqlDbType.TimestampTz);
                    await copy.WriteAsync(UserId(r.Region, r.Reporter), NpgsqlDbType.Uuid);
                    await copy.WriteAsync($"{r.Region}-reporter-{r.Reporter}", NpgsqlDbType.Varchar);
                    await copy.WriteAsync($"Raportoija {r.Reporter}", NpgsqlDbType.Varchar);
                    await copy.WriteAsync(r.PhenomenonType, NpgsqlDbType.Varchar);
                    await copy.WriteAsync(r.Title, NpgsqlDbType.Varchar);
                    await copy.WriteAsync(r.Description, NpgsqlDbType.Varchar);
                    await copy.WriteAsync(r.Proposal, NpgsqlDbType.Varchar);
                    if (r.TriedAlready is null)
                    {
                        await copy.WriteNullAsync();
                    }
                    else
                    {
                        await copy.WriteAsync(r.TriedAlready, NpgsqlDbType.Varchar);
                    }
                    await copy.WriteAsync(r.ServiceArea, NpgsqlDbType.Varchar);
                    await copy.WriteAsync(r.Municipality, NpgsqlDbType.Varchar);
                    await copy.WriteAsync(r.TargetGroup, NpgsqlDbType.Varchar);
                    await copy.WriteAsync(UserId(r.Region, 1000), NpgsqlDbType.Uuid);
                    await copy.WriteAsync($"{r.Region}-supervisor", NpgsqlDbType.Varchar);
                    await copy.WriteAsync("Esihenkilö", NpgsqlDbType.Varchar);
                    await copy.WriteAsync("fi", NpgsqlDbType.Varchar);
                    await copy.WriteAsync(r.Status, NpgsqlDbType.Varchar);
                    await copy.WriteAsync(false, NpgsqlDbType.Boolean);
                }
                await copy.CompleteAsync();
            }
            await using (var copy = await postgres.BeginBinaryImportAsync($"COPY {categoriesTable} ({Columns(CategoryColumns)}) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var r in reports)
                {
                    foreach (var code in r.Categories)
                    {
                        await copy.StartRowAsync();
                        await copy.WriteAsync(r.Id, NpgsqlDbType.Uuid);
                        await copy.WriteAsync(code, NpgsqlDbType.Varchar);
                        await copy.WriteAsync(r.Region, NpgsqlDbType.Varchar);
                        categoryRows++;
                    }
                }
                await copy.CompleteAsync();
            }
            return categoryRows;
        }

        await using var transaction = await connection.BeginTransactionAsync();
        await using var insertReport = BenchDatabase.Command(connection,
            $"INSERT INTO {reportsTable} ({Columns(ReportColumns)}) VALUES ({string.Join(", ", ReportColumns.Select(c => "@" + c))})",
            transaction, ReportColumns.Select(c => ("@" + c, (object?)null)).ToArray());
        await using var insertCategory = BenchDatabase.Command(connection,
            $"INSERT INTO {categoriesTable} ({Columns(CategoryColumns)}) VALUES (@ReportId, @Code, @RegionCode)",
            transaction, ("@ReportId", null), ("@Code", null), ("@RegionCode", null));
        await insertReport.PrepareAsync();
        await insertCategory.PrepareAsync();
        foreach (var r in reports)
        {
            var p = insertReport.Parameters;
            p["@Id"].Value = database.Id(r.Id);
            p["@RegionCode"].Value = r.Region;
            p["@Number"].Value = r.Number;
            p["@ReceivedAt"].Value = database.Instant(r.ReceivedAt);
            p["@ReporterId"].Value = database.Id(UserId(r.Region, r.Reporter));
            p["@ReporterUserName"].Value = $"{r.Region}-reporter-{r.Reporter}";
            p["@ReporterName"].Value = $"Raportoija {r.Reporter}";
            p["@PhenomenonType"].Value = r.PhenomenonType;
            p["@Title"].Value = r.Title;
            p["@Description"].Value = r.Description;
            p["@Proposal"].Value = r.Proposal;
            p["@TriedAlready"].Value = (object?)r.TriedAlready ?? DBNull.Value;
            p["@ServiceArea"].Value = r.ServiceArea;
            p["@Municipality"].Value = r.Municipality;
            p["@TargetGroup"].Value = r.TargetGroup;
            p["@SupervisorId"].Value = database.Id(UserId(r.Region, 1000));
            p["@SupervisorUserName"].Value = $"{r.Region}-supervisor";
            p["@SupervisorName"].Value = "Esihenkilö";
            p["@Language"].Value = "fi";
            p["@Status"].Value = r.Status;
            p["@WarningsConfirmed"].Value = false;
            await insertReport.ExecuteNonQueryAsync();
            foreach (var code in r.Categories)
            {
                insertCategory.Parameters["@ReportId"].Value = database.Id(r.Id);
                insertCategory.Parameters["@Code"].Value = code;
                insertCategory.Parameters["@RegionCode"].Value = r.Region;
                await insertCategory.ExecuteNonQueryAsync();
                categoryRows++;
            }
        }
        await transaction.CommitAsync();
        return categoryRows;
    }
}
