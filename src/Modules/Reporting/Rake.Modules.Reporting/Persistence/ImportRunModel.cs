using Microsoft.EntityFrameworkCore;
using Rake.Modules.Reporting.Domain;

namespace Rake.Modules.Reporting.Persistence;

/// <summary>The stored import reports (docs/adr/0179).</summary>
internal static class ImportRunModel
{
    public static void Configure(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<ImportRun>(b =>
        {
            b.ToTable("ImportRuns");
            b.HasKey(r => r.Id);
            b.Property(r => r.FileName).HasMaxLength(ImportRun.FileNameMax);
            b.Property(r => r.ImportedBy).HasMaxLength(200);
            b.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(20);
            b.HasIndex(r => new { r.RegionCode, r.ImportedAt });
        });
}
