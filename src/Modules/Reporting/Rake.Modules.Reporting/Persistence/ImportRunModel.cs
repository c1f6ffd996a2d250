using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Rake.Modules.Reporting.Domain;

namespace Rake.Modules.Reporting.Persistence;

/// <summary>The stored import reports (docs/adr/0179, 0184).</summary>
internal static class ImportRunModel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static void Configure(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<ImportRun>(b =>
        {
            b.ToTable("ImportRuns");
            b.HasKey(r => r.Id);
            b.Property(r => r.FileName).HasMaxLength(ImportRun.FileNameMax);
            b.Property(r => r.ImportedBy).HasMaxLength(200);
            b.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(20);
            // A refusal's problems are read only with their import report, never searched: one JSON column, "[]" when none
            // (the migration gives the reports kept before it "[]" too).
            b.Property(r => r.RowProblems)
                .HasConversion(
                    v => JsonSerializer.Serialize(v, Json),
                    v => string.IsNullOrEmpty(v)
                        ? new List<ImportRowProblem>()
                        : JsonSerializer.Deserialize<List<ImportRowProblem>>(v, Json) ?? new List<ImportRowProblem>(),
                    new ValueComparer<List<ImportRowProblem>>(
                        (a, c) => a!.SequenceEqual(c!),
                        v => v.Aggregate(0, (hash, p) => HashCode.Combine(hash, p.GetHashCode())),
                        v => v.ToList()));
            b.HasIndex(r => new { r.RegionCode, r.ImportedAt });
        });
}
