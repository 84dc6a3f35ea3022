; Inno Setup script: the Windows installer of the bundle dist\counter-app\ (scripts/bundle or
; pyinstaller packaging\counter_app.spec, run on Windows first).
;   iscc /DAppVersion=0.1.0 packaging\windows\counter-app.iss   ->  dist\counter-app-0.1.0-setup.exe
; Per-machine install in Program Files (administrators), Start menu and desktop shortcuts,
; Vietnamese or English set-up. Uninstalling removes the program only: the counter's data lives
; in each user's %LOCALAPPDATA%\counter-app (or the folder given with --data-dir) and stays.
; Inno Setup ships no Vietnamese catalogue: English is the fallback of every message, and the
; pages an administrator reads are translated below.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef Bundle
  #define Bundle "..\..\dist\counter-app"
#endif

[Setup]
AppId={{5E0C4C1B-6B7A-4E8E-9B0F-1C0A2D3E4F51}
AppName=Bộ phận Một cửa
AppVersion={#AppVersion}
AppVerName=Bộ phận Một cửa {#AppVersion}
AppPublisher=counter-app
DefaultDirName={autopf}\counter-app
DefaultGroupName=Bộ phận Một cửa
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
WizardStyle=modern
ShowLanguageDialog=yes
UninstallDisplayIcon={app}\counter-app-window.exe
SetupIconFile=..\..\resources\icons\counter-app.ico
OutputDir=..\..\dist
OutputBaseFilename=counter-app-{#AppVersion}-setup
; The program holds this mutex while it runs (counter_app/main.py): setup and uninstall ask to
; close it first. A second setup started meanwhile says so and stops.
AppMutex=counter-app-running
SetupMutex=counter-app-setup
Compression=lzma2/max
SolidCompression=yes

[Languages]
Name: "vi"; MessagesFile: "compiler:Default.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[LangOptions]
vi.LanguageName=Tiếng Việt
vi.LanguageID=$042A
vi.LanguageCodePage=0

[Messages]
vi.SetupAppTitle=Cài đặt
vi.SetupWindowTitle=Cài đặt - %1
vi.UninstallAppTitle=Gỡ cài đặt
vi.UninstallAppFullTitle=Gỡ cài đặt %1
vi.InformationTitle=Thông tin
vi.ConfirmTitle=Xác nhận
vi.ErrorTitle=Lỗi
vi.SetupLdrStartupMessage=Chương trình sẽ cài đặt %1. Tiếp tục?
vi.AdminPrivilegesRequired=Cần đăng nhập bằng tài khoản quản trị (Administrator) để cài đặt chương trình này.
vi.SetupAlreadyRunning=Bộ cài đang chạy rồi: hãy chờ lần cài kia xong (không cần chạy lại).
; Inno Setup ends these with ". Error N: <Windows' reason>" (LastErrorMessage), hence no full stop.
vi.ErrorCreatingDir=Không tạo được thư mục "%1": tài khoản này không có quyền ghi vào đó, hoặc ổ đĩa không ghi được. Hãy chọn thư mục khác, hoặc chạy bộ cài bằng tài khoản quản trị
vi.LastErrorMessage=%1.%n%nMã lỗi %2: %3
vi.ErrorTooManyFilesInDir=Không tạo được tệp trong thư mục "%1" vì thư mục có quá nhiều tệp
vi.InvalidDrive=Ổ đĩa hoặc thư mục mạng đã chọn không có hoặc không truy cập được. Hãy chọn thư mục khác.
vi.CannotInstallToNetworkDrive=Không cài được vào ổ đĩa mạng.
vi.CannotInstallToUNCPath=Không cài được vào đường dẫn mạng (UNC).
vi.InvalidDirName=Tên thư mục không hợp lệ.
vi.BadDirName32=Tên thư mục không được chứa các ký tự sau:%n%n%1
vi.DiskSpaceWarning=Cần ít nhất %1 KB dung lượng trống, nhưng ổ đĩa đã chọn chỉ còn %2 KB.%n%nVẫn tiếp tục?
vi.ErrorCreatingTemp=Không tạo được tệp trong thư mục cài đặt:
vi.ErrorCopying=Không chép được tệp:
vi.ErrorReplacingExistingFile=Không thay được tệp đang có:
vi.DirNameTooLong=Tên hoặc đường dẫn thư mục quá dài. Hãy chọn thư mục ngắn hơn.
vi.InvalidPath=Cần một đường dẫn đầy đủ có ký tự ổ đĩa, ví dụ:%n%nC:\MotCua%n%nhoặc đường dẫn mạng dạng:%n%n\\máy-chủ\thư-mục
vi.SetupAppRunningError=%1 đang chạy.%n%nHãy đóng mọi cửa sổ của chương trình rồi bấm OK để tiếp tục, hoặc Hủy để thoát.
vi.UninstallAppRunningError=%1 đang chạy.%n%nHãy đóng mọi cửa sổ của chương trình rồi bấm OK để tiếp tục, hoặc Hủy để thoát.
vi.ExitSetupTitle=Thoát cài đặt
vi.ExitSetupMessage=Việc cài đặt chưa xong. Nếu thoát bây giờ, chương trình sẽ không được cài.%n%nCó thể chạy lại bộ cài sau.%n%nThoát cài đặt?
vi.ButtonBack=< &Quay lại
vi.ButtonNext=&Tiếp >
vi.ButtonInstall=&Cài đặt
vi.ButtonOK=OK
vi.ButtonCancel=Hủy
vi.ButtonYes=&Có
vi.ButtonYesToAll=Có với &tất cả
vi.ButtonNo=&Không
vi.ButtonNoToAll=K&hông với tất cả
vi.ButtonFinish=&Hoàn tất
vi.ButtonBrowse=&Chọn...
vi.ButtonWizardBrowse=C&họn...
vi.ButtonNewFolder=&Tạo thư mục mới
vi.SelectLanguageTitle=Chọn ngôn ngữ cài đặt
vi.SelectLanguageLabel=Chọn ngôn ngữ dùng trong khi cài đặt:
vi.ClickNext=Bấm Tiếp để tiếp tục, hoặc Hủy để thoát.
vi.BrowseDialogTitle=Chọn thư mục
vi.BrowseDialogLabel=Chọn một thư mục trong danh sách rồi bấm OK.
vi.NewFolderName=Thư mục mới
vi.WelcomeLabel1=Cài đặt [name]
vi.WelcomeLabel2=Chương trình sẽ cài [name/ver] vào máy tính này.%n%nNên đóng các ứng dụng khác trước khi tiếp tục.
vi.WizardSelectDir=Chọn thư mục cài đặt
vi.SelectDirDesc=Cài [name] vào đâu?
vi.SelectDirLabel3=[name] sẽ được cài vào thư mục sau.
vi.SelectDirBrowseLabel=Bấm Tiếp để tiếp tục. Muốn chọn thư mục khác, bấm Chọn.
vi.DiskSpaceMBLabel=Cần ít nhất [mb] MB dung lượng trống.
vi.DirExistsTitle=Thư mục đã có
vi.DirExists=Thư mục:%n%n%1%n%nđã có. Vẫn cài vào thư mục này?
vi.DirDoesntExistTitle=Thư mục chưa có
vi.DirDoesntExist=Thư mục:%n%n%1%n%nchưa có. Tạo thư mục này?
vi.WizardSelectTasks=Chọn thêm tác vụ
vi.SelectTasksDesc=Làm thêm những việc nào?
vi.SelectTasksLabel2=Chọn các việc cần làm thêm khi cài [name], rồi bấm Tiếp.
vi.WizardSelectProgramGroup=Chọn thư mục trong menu Start
vi.SelectStartMenuFolderDesc=Đặt lối tắt của chương trình ở đâu?
vi.SelectStartMenuFolderLabel3=Lối tắt của chương trình sẽ được tạo trong thư mục sau của menu Start.
vi.SelectStartMenuFolderBrowseLabel=Bấm Tiếp để tiếp tục. Muốn chọn thư mục khác, bấm Chọn.
vi.NoProgramGroupCheck2=&Không tạo thư mục trong menu Start
vi.WizardReady=Sẵn sàng cài đặt
vi.ReadyLabel1=Đã sẵn sàng cài [name] vào máy tính này.
vi.ReadyLabel2a=Bấm Cài đặt để bắt đầu, hoặc Quay lại để xem hay đổi lựa chọn.
vi.ReadyLabel2b=Bấm Cài đặt để bắt đầu.
vi.ReadyMemoDir=Thư mục cài đặt:
vi.ReadyMemoGroup=Thư mục trong menu Start:
vi.ReadyMemoTasks=Tác vụ thêm:
vi.WizardPreparing=Chuẩn bị cài đặt
vi.PreparingDesc=Đang chuẩn bị cài [name] vào máy tính này.
vi.CloseApplications=&Tự động đóng các ứng dụng
vi.DontCloseApplications=&Không đóng các ứng dụng
vi.WizardInstalling=Đang cài đặt
vi.InstallingLabel=Vui lòng chờ trong khi [name] được cài vào máy tính này.
vi.FinishedHeadingLabel=Đã cài xong [name]
vi.FinishedLabelNoIcons=[name] đã được cài vào máy tính này.
vi.FinishedLabel=[name] đã được cài vào máy tính này. Mở chương trình bằng các lối tắt vừa tạo.
vi.ClickFinish=Bấm Hoàn tất để đóng trình cài đặt.
vi.RunEntryExec=Mở %1
vi.SetupAborted=Việc cài đặt chưa hoàn tất.%n%nHãy khắc phục sự cố rồi chạy lại bộ cài.
vi.StatusCreateDirs=Đang tạo thư mục...
vi.StatusExtractFiles=Đang chép tệp...
vi.StatusCreateIcons=Đang tạo lối tắt...
vi.StatusSavingUninstall=Đang lưu thông tin gỡ cài đặt...
vi.StatusRunProgram=Đang hoàn tất...
vi.StatusRollback=Đang hoàn tác các thay đổi...
vi.ConfirmUninstall=Gỡ %1 khỏi máy tính này? Dữ liệu của quầy (hồ sơ, bản sao lưu) được giữ nguyên.
vi.OnlyAdminCanUninstall=Chỉ tài khoản quản trị mới gỡ được chương trình này.
vi.UninstallStatusLabel=Vui lòng chờ trong khi %1 được gỡ khỏi máy tính này.
vi.UninstalledAll=Đã gỡ %1 khỏi máy tính này.
vi.UninstalledMost=Đã gỡ xong %1.%n%nMột số mục không gỡ được, có thể xóa thủ công.
vi.WizardUninstalling=Trạng thái gỡ cài đặt
vi.StatusUninstalling=Đang gỡ %1...
en.ConfirmUninstall=Remove %1 from this computer? The counter's data (dossiers, backups) is kept.

[CustomMessages]
vi.AdditionalIcons=Lối tắt thêm:
vi.CreateDesktopIcon=Tạo lối tắt trên &màn hình nền
vi.LaunchProgram=Mở %1
vi.UninstallProgram=Gỡ cài đặt %1
en.AdditionalIcons=Additional shortcuts:
en.CreateDesktopIcon=Create a &desktop shortcut
en.LaunchProgram=Launch %1
en.UninstallProgram=Uninstall %1

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
; The window program has no console; counter-app.exe is the command line (JSON on stdout).
Name: "{group}\Bộ phận Một cửa"; Filename: "{app}\counter-app-window.exe"
Name: "{group}\{cm:UninstallProgram,Bộ phận Một cửa}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\Bộ phận Một cửa"; Filename: "{app}\counter-app-window.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\counter-app-window.exe"; Description: "{cm:LaunchProgram,Bộ phận Một cửa}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete]: the uninstaller removes exactly what it installed and leaves the data.
