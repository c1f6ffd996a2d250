using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rake.Modules.WorkingGroup.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MunicipalPacks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "DeputyUserId",
                schema: "workinggroup",
                table: "WellbeingGroupNominations",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "MemberUserId",
                schema: "workinggroup",
                table: "WellbeingGroupNominations",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_WellbeingGroupNominations_RegionCode_DeputyUserId",
                schema: "workinggroup",
                table: "WellbeingGroupNominations",
                columns: new[] { "RegionCode", "DeputyUserId" });

            migrationBuilder.CreateIndex(
                name: "IX_WellbeingGroupNominations_RegionCode_MemberUserId",
                schema: "workinggroup",
                table: "WellbeingGroupNominations",
                columns: new[] { "RegionCode", "MemberUserId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WellbeingGroupNominations_RegionCode_DeputyUserId",
                schema: "workinggroup",
                table: "WellbeingGroupNominations");

            migrationBuilder.DropIndex(
                name: "IX_WellbeingGroupNominations_RegionCode_MemberUserId",
                schema: "workinggroup",
                table: "WellbeingGroupNominations");

            migrationBuilder.DropColumn(
                name: "DeputyUserId",
                schema: "workinggroup",
                table: "WellbeingGroupNominations");

            migrationBuilder.DropColumn(
                name: "MemberUserId",
                schema: "workinggroup",
                table: "WellbeingGroupNominations");
        }
    }
}
