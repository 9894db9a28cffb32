/** Need-list import (需求清单导入): .xlsx/.csv, Chinese or English headers, validated row by row, imported in resumable chunks. */
package org.wushe.hub.community.needimport;
